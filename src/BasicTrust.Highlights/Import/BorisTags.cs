using System.Globalization;

namespace BasicTrust.Highlights.Import;

/// <summary>
/// Tags from a BORIS "tabular events" export (CSV or TSV): a STATE behaviour's START and STOP rows become one tag
/// labelled with the behaviour; POINT events have no duration and are skipped. Header lines before the table are ignored.
/// </summary>
/// <remarks>Read a line at a time: a line wider than <see cref="ImportLimits.MaxColumns"/> and the first tag past the cap are refused where they are.</remarks>
public static class BorisTags
{
    static readonly string[] Header = ["Time", "Behavior", "Status"];

    public static IReadOnlyList<ImportedTag> Read(string text)
    {
        var separator = text.Contains('\t') ? '\t' : ',';
        using var lines = new StringReader(text);
        List<string>? header = null;
        while (header is null && lines.ReadLine() is { } line)
            if (Header.All(line.Contains) && Columns(line, separator) is var c && Header.All(c.Contains)) header = c;
        if (header is null) throw new ImportRefusedException("$", "events-table", "problem.events-table");
        var (time, behavior, status, comment) = (header.IndexOf("Time"), header.IndexOf("Behavior"), header.IndexOf("Status"), header.IndexOf("Comment"));
        var needed = Math.Max(time, Math.Max(behavior, status));

        var open = new Dictionary<string, string>();
        var tags = new List<ImportedTag>();
        while (lines.ReadLine() is { } line)
        {
            var row = Columns(line, separator);
            if (row.Count <= needed) continue;
            var (name, at) = (row[behavior], row[time]);
            if (!double.TryParse(at, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) continue;
            switch (row[status].ToUpperInvariant())
            {
                case "START": open[name] = at; break;
                case "STOP" when open.Remove(name, out var start):
                    ImportLimits.Add(tags, new ImportedTag(start, at, ManifestBuilder.Label(name), Note: comment >= 0 && comment < row.Count ? row[comment] : null));
                    break;
            }
        }
        if (open.Count > 0) throw new ImportRefusedException("Status", "stop", "problem.stop", ("behaviour", open.Keys.First()));
        return tags;
    }

    static List<string> Columns(string line, char separator) =>
        line.AsSpan().Count(separator) < ImportLimits.MaxColumns
            ? [.. line.Split(separator).Select(c => c.Trim().Trim('"'))]
            : throw new ImportRefusedException("$", "max-columns", "problem.max-columns.boris", ("max", ImportLimits.MaxColumns));
}
