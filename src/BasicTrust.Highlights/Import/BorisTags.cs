using System.Globalization;

namespace BasicTrust.Highlights.Import;

/// <summary>
/// Tags from a BORIS "tabular events" export (CSV or TSV): a STATE behaviour's START and STOP rows become one tag
/// labelled with the behaviour; POINT events have no duration and are skipped. Header lines before the table are ignored.
/// </summary>
public static class BorisTags
{
    public static IReadOnlyList<ImportedTag> Read(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var separator = lines.Any(l => l.Contains('\t')) ? '\t' : ',';
        var headerIndex = lines.FindIndex(l => Columns(l, separator) is var c && c.Contains("Time") && c.Contains("Behavior") && c.Contains("Status"));
        if (headerIndex < 0) throw new FormatException("No BORIS events table found: expected a header with Time, Behavior and Status.");
        var header = Columns(lines[headerIndex], separator);
        int Index(string name) => header.IndexOf(name);
        var (time, behavior, status, comment) = (Index("Time"), Index("Behavior"), Index("Status"), Index("Comment"));

        var open = new Dictionary<string, string>();
        var tags = new List<ImportedTag>();
        foreach (var row in lines.Skip(headerIndex + 1).Select(l => Columns(l, separator)).Where(r => r.Count > Math.Max(time, Math.Max(behavior, status))))
        {
            var (name, at) = (row[behavior], row[time]);
            if (!double.TryParse(at, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) continue;
            switch (row[status].ToUpperInvariant())
            {
                case "START": open[name] = at; break;
                case "STOP" when open.Remove(name, out var start):
                    tags.Add(new ImportedTag(start, at, ManifestBuilder.Label(name), Note: comment >= 0 && comment < row.Count ? row[comment] : null));
                    break;
            }
        }
        if (open.Count > 0) throw new FormatException($"Behaviour '{open.Keys.First()}' starts but never stops.");
        return tags;
    }

    static List<string> Columns(string line, char separator) => [.. line.Split(separator).Select(c => c.Trim().Trim('"'))];
}
