using System.Globalization;
using System.Text;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Export;

/// <summary>
/// The tags as a BORIS tabular events export (the columns of BORIS 8 and later, as CSV): each tag a STATE event, a
/// START and a STOP row, the subject the person it is about (Ouder, Kind, Ouder en kind), the behaviour the label's
/// code, its category the valence, and the note as the START's comment. <see cref="Import.BorisTags"/> reads it back.
/// </summary>
public static class BorisExport
{
    static readonly string[] Header =
    [
        "Observation id", "Observation date", "Description", "Observation duration", "Observation type", "Source", "Time offset (s)",
        "Media duration (s)", "FPS", "Subject", "Behavior", "Behavioral category", "Behavior type", "Time", "Media file name",
        "Image index", "Image file path", "Comment",
    ];

    // What BORIS writes for a value it does not know: the recording's length and frame rate are not in the manifest.
    const string NotAvailable = "NA";

    public static string Write(SessionManifest manifest)
    {
        var tags = TagExport.Tags(manifest);
        var coded = tags.Count == 0 ? TimeSpan.Zero : tags.Max(t => t.End) - tags.Min(t => t.Start);
        var date = manifest.RecordedAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";
        var csv = new StringBuilder();
        CsvCells.Row(csv, Header);
        // BORIS lists an observation's events in time order, a STOP before a START at the same time.
        var events = tags.SelectMany(t => new[] { (Tag: t, At: t.Start, Status: "START"), (Tag: t, At: t.End, Status: "STOP") })
            .OrderBy(e => e.At).ThenBy(e => e.Status == "START");
        foreach (var (tag, at, status) in events)
            CsvCells.Row(csv, manifest.SessionId, date, "", Seconds(coded), "Media file(s)", $"player #1:{manifest.Recording}", "0.000",
                NotAvailable, NotAvailable, ActorNames.Name(tag.Actor), tag.Label.Code, tag.Valence.ToString().ToLowerInvariant(), status,
                Seconds(at), manifest.Recording, NotAvailable, NotAvailable, status == "START" ? OneLine(tag.Note) : "");
        return csv.ToString();
    }

    static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>BORIS writes a comment on one line.</summary>
    static string? OneLine(string? note) => note?.ReplaceLineEndings(" ");
}
