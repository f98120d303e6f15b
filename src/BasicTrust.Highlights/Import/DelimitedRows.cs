using System.Text;

namespace BasicTrust.Highlights.Import;

/// <summary>
/// The rows of a delimited text file (RFC 4180, as spreadsheets and BORIS write it), one at a time: quoted fields may
/// hold the separator, quotes ("") and line breaks; lines end in LF, CR LF or CR; blank rows are skipped. A row wider
/// than <see cref="ImportLimits.MaxColumns"/> is refused where it is read.
/// </summary>
static class DelimitedRows
{
    public static IEnumerable<List<string>> Read(string text, char separator, string format)
    {
        var (row, field, quoted) = (new List<string>(), new StringBuilder(), false);
        void EndField()
        {
            if (row.Count == ImportLimits.MaxColumns)
                throw new ImportRefusedException("$", "max-columns", format == "CSV" ? "problem.max-columns.csv" : "problem.max-columns.boris", ("max", ImportLimits.MaxColumns));
            row.Add(field.ToString());
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
            else if (c == separator) EndField();
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                EndField();
                if (row.Exists(f => f.Length > 0)) { yield return row; row = []; }
                else row.Clear(); // blank rows are skipped, and a flood of them costs no lists
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0)
        {
            EndField();
            if (row.Exists(f => f.Length > 0)) yield return row;
        }
    }
}
