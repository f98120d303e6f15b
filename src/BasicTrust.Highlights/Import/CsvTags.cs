using System.Text;

namespace BasicTrust.Highlights.Import;

/// <summary>Tags from a CSV file with the header <c>start,end,label,valence,note,caption</c> (the last three optional).</summary>
public static class CsvTags
{
    public static IReadOnlyList<ImportedTag> Read(string text)
    {
        var rows = Rows(text).Where(r => r.Any(f => f.Length > 0)).ToList();
        if (rows.Count == 0) throw new FormatException("The CSV file is empty.");
        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        foreach (var required in new[] { "start", "end", "label" })
            if (!header.Contains(required)) throw new FormatException($"The CSV header must name the columns start,end,label (and optionally valence,note,caption); '{required}' is missing.");
        string? Field(List<string> row, string name) => header.IndexOf(name) is var i and >= 0 && i < row.Count ? row[i] : null;
        return [.. rows.Skip(1).Select(r => new ImportedTag(Field(r, "start") ?? "", Field(r, "end") ?? "", Field(r, "label") ?? "",
            Field(r, "valence"), Field(r, "note"), Field(r, "caption")))];
    }

    /// <summary>RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    static IEnumerable<List<string>> Rows(string text)
    {
        var (row, field, quoted) = (new List<string>(), new StringBuilder(), false);
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
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { row.Add(field.ToString().TrimEnd('\r')); field.Clear(); yield return row; row = []; }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString().TrimEnd('\r')); yield return row; }
    }
}
