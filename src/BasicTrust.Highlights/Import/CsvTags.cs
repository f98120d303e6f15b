using System.Text;

namespace BasicTrust.Highlights.Import;

/// <summary>Tags from a CSV file with the header <c>start,end,label,valence,note,caption</c> (the last three optional).</summary>
/// <remarks>
/// Rows are read one at a time: the header's columns are looked up once, a row wider than
/// <see cref="ImportLimits.MaxColumns"/> is refused as it is read, and so is the first tag past the cap.
/// </remarks>
public static class CsvTags
{
    // In the order of ImportedTag's fields; the first three are required.
    static readonly string[] Names = ["start", "end", "label", "valence", "note", "caption"];

    public static IReadOnlyList<ImportedTag> Read(string text)
    {
        int[]? columns = null; // start, end, label, valence, note, caption: where in a row, or -1
        var tags = new List<ImportedTag>();
        foreach (var row in Rows(text))
        {
            if (columns is null)
            {
                columns = Columns(row);
                continue;
            }
            string? Field(int column) => columns[column] is var i and >= 0 && i < row.Count ? row[i] : null;
            ImportLimits.Add(tags, new ImportedTag(Field(0) ?? "", Field(1) ?? "", Field(2) ?? "", Field(3), Field(4), Field(5)));
        }
        if (columns is null) throw new ImportRefusedException("$", "empty", "problem.empty");
        return tags;
    }

    static int[] Columns(List<string> header)
    {
        var names = header.ConvertAll(h => h.Trim().ToLowerInvariant());
        foreach (var required in Names[..3])
            if (!names.Contains(required))
                throw new ImportRefusedException(required, "required", "problem.required.column", ("column", required));
        return [.. Names.Select(n => names.IndexOf(n))];
    }

    /// <summary>RFC 4180 rows that are not blank: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    static IEnumerable<List<string>> Rows(string text)
    {
        var (row, field, quoted) = (new List<string>(), new StringBuilder(), false);
        void EndField(bool endOfLine = false)
        {
            if (row.Count == ImportLimits.MaxColumns)
                throw new ImportRefusedException("$", "max-columns", "problem.max-columns.csv", ("max", ImportLimits.MaxColumns));
            row.Add(endOfLine ? field.ToString().TrimEnd('\r') : field.ToString());
            field.Clear();
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') EndField();
            else if (c == '\n')
            {
                EndField(endOfLine: true);
                if (row.Exists(f => f.Length > 0)) { yield return row; row = []; }
                else row.Clear(); // blank rows are skipped, and a flood of them costs no lists
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0)
        {
            EndField(endOfLine: true);
            if (row.Exists(f => f.Length > 0)) yield return row;
        }
    }
}
