using System.Text;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Export;

/// <summary>
/// The tags as our CSV (<see cref="Import.CsvTags"/> reads it): start and end in seconds, the label's code, the
/// valence and actor each tag plans with, the note and the caption.
/// </summary>
public static class CsvExport
{
    public static string Write(SessionManifest manifest)
    {
        var csv = new StringBuilder();
        CsvCells.Row(csv, "start", "end", "label", "valence", "actor", "note", "caption");
        foreach (var tag in TagExport.Tags(manifest))
            CsvCells.Row(csv, CsvCells.Seconds(tag.Start), CsvCells.Seconds(tag.End), tag.Label.Code, tag.Valence.ToString().ToLowerInvariant(),
                ActorNames.Code(tag.Actor), tag.Note, tag.Caption);
        return csv.ToString();
    }
}
