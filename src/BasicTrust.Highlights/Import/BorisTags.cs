using System.Globalization;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Import;

/// <summary>
/// Tags from a BORIS "tabular events" export (CSV or TSV): a STATE behaviour's START and STOP rows become one tag
/// labelled with the behaviour, about the subject when the subject names a person (Moeder, Kind); POINT events have no
/// duration and are skipped. Both BORIS layouts are read: the status in a <c>Status</c> column (BORIS 7) or in
/// <c>Behavior type</c> (BORIS 8 and later). The comments of START and STOP become the note; a behavioural category
/// that is one of ours (strength, learning, child) becomes the valence. Lines before the table's header are ignored.
/// </summary>
/// <remarks>Read a row at a time: a row wider than <see cref="ImportLimits.MaxColumns"/> and the first tag past the cap are refused where they are.</remarks>
public static class BorisTags
{
    static readonly string[] Valences = ["strength", "learning", "child"];

    sealed record Open(string Start, string? Comment);

    public static IReadOnlyList<ImportedTag> Read(string text)
    {
        var separator = text.Contains('\t') ? '\t' : ',';
        using var rows = DelimitedRows.Read(text, separator, "BORIS").GetEnumerator();
        Columns? columns = null;
        while (columns is null && rows.MoveNext())
            columns = Columns.Find(rows.Current.ConvertAll(c => c.Trim()));
        if (columns is null)
            throw new ImportRefusedException("$", "events-table", "problem.events-table");

        // A behaviour started again before it stopped (tags that overlap) stops in the order it started.
        var open = new Dictionary<(string Subject, string Behavior), Queue<Open>>();
        var tags = new List<ImportedTag>();
        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (row.Count <= columns.Needed) continue;
            string? Cell(int column) => column >= 0 && column < row.Count ? row[column].Trim() : null;
            var (subject, behavior, at) = (Cell(columns.Subject) ?? "", row[columns.Behavior].Trim(), row[columns.Time].Trim());
            if (!double.TryParse(at, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) continue;
            switch (row[columns.Status].Trim().ToUpperInvariant())
            {
                case "START":
                    if (!open.TryGetValue((subject, behavior), out var started)) open[(subject, behavior)] = started = new Queue<Open>();
                    started.Enqueue(new Open(at, Cell(columns.Comment)));
                    break;
                case "STOP" when open.TryGetValue((subject, behavior), out var running):
                    var start = running.Dequeue();
                    if (running.Count == 0) open.Remove((subject, behavior));
                    var category = Cell(columns.Category)?.ToLowerInvariant();
                    ImportLimits.Add(tags, new ImportedTag(start.Start, at, ManifestBuilder.Label(behavior),
                        Valence: Valences.Contains(category) ? category : null,
                        Note: Joined(start.Comment, Cell(columns.Comment)),
                        Actor: ActorNames.Find(subject) is { } actor ? ActorNames.Code(actor) : null));
                    break;
            }
        }
        if (open.Count > 0) throw new ImportRefusedException("Status", "stop", "problem.stop", ("behaviour", open.Keys.First().Behavior));
        return tags;
    }

    /// <summary>The comments of START and STOP, each once.</summary>
    static string? Joined(string? start, string? stop) =>
        string.Join("\n", new[] { start, stop }.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct()) is { Length: > 0 } note ? note : null;

    /// <summary>Where the table's columns are; -1 for one it does not have.</summary>
    sealed record Columns(int Time, int Behavior, int Status, int Subject, int Comment, int Category)
    {
        /// <summary>A row has a tag only when it reaches every required column.</summary>
        public int Needed => Math.Max(Time, Math.Max(Behavior, Status));

        public static Columns? Find(List<string> header)
        {
            var status = header.IndexOf("Status") is >= 0 and var s ? s : header.IndexOf("Behavior type");
            return header.IndexOf("Time") is >= 0 and var time && header.IndexOf("Behavior") is >= 0 and var behavior && status >= 0
                ? new Columns(time, behavior, status, header.IndexOf("Subject"), header.IndexOf("Comment"), header.IndexOf("Behavioral category"))
                : null;
        }
    }
}
