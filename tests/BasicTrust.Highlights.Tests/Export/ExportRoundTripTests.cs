using System.Text.Json.Nodes;
using BasicTrust.Highlights.Export;
using BasicTrust.Highlights.Import;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Tests.Export;

/// <summary>
/// Each export, read back by the import of its format and planned again, gives the same moments: times to the
/// millisecond, labels, the person each is about, and what the format can carry of notes, valences and captions.
/// </summary>
public class ExportRoundTripTests
{
    static readonly DateTimeOffset Written = new(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(1));

    /// <summary>A parent's strength with a note, the child's signal inside it, a learning moment, a pair, a moment left out, and a concern.</summary>
    static SessionManifest Session() => Manifests.WithTags(
        Tag(1.25, 3.5, "benoemen", n => { n["note"] = "Moeder benoemt, \"kijk\"; rustig"; n["caption"] = "Jij bent boos, hè?"; }),
        Tag(2, 3, "kind-signaal"),
        Tag(5.001, 7.999, "signaal-gemist", n => n["note"] = "eerste regel\ntweede regel"),
        Tag(9, 11, "herstel-van-contact", n => n["actor"] = "dyad"),
        Tag(12, 13, "spiegelen", n => n["select"] = false),
        Tag(14, 15, "benoemen", n => { n["concern"] = true; n["note"] = "zorg"; }));

    [Fact]
    public void Elan_ReadBack_GivesTheSameMomentsLabelsPeopleAndNotes()
    {
        var back = ReadBack(ElanTags.Read(ElanExport.Write(Session(), Written)));
        Assert.Equal(Expected(Session(), notes: true), Facts(back));
    }

    [Fact]
    public void Boris_ReadBack_GivesTheSameMomentsLabelsPeopleValencesAndNotesOnOneLine()
    {
        var back = ReadBack(BorisTags.Read(BorisExport.Write(Session())));
        Assert.Equal(Expected(Session(), notes: true, oneLine: true), Facts(back));
        Assert.Equal(Session().Tags.Where(t => !t.Concern).OrderBy(t => t.Start).Select(t => t.Valence), back.Tags.OrderBy(t => t.Start).Select(t => t.Valence));
    }

    [Fact]
    public void Csv_ReadBack_GivesEverythingItsColumnsHold()
    {
        var back = ReadBack(CsvTags.Read(CsvExport.Write(Session())));
        Assert.Equal(Expected(Session(), notes: true), Facts(back));
        Assert.Equal(Session().Tags.Where(t => !t.Concern).Select(t => (t.Valence, t.Caption)), back.Tags.Select(t => (t.Valence, t.Caption)));
    }

    [Theory]
    [InlineData(TagFormat.Elan)] [InlineData(TagFormat.Boris)] [InlineData(TagFormat.Csv)]
    public void Export_LeavesOutSafetyConcerns(TagFormat format) =>
        Assert.DoesNotContain("zorg", TagExport.Write(format, Session(), Written));

    [Fact]
    public void Export_OfACustomMethod_ReadsBackWithItsOwnLabels()
    {
        var custom = Manifests.Read(n =>
        {
            n["method"] = "custom";
            n["tags"] = new JsonArray(Tag(1, 2, "eigen-label", t => t["valence"] = "learning"));
        }).Manifest!;
        foreach (var format in Enum.GetValues<TagFormat>())
        {
            var tags = format switch
            {
                TagFormat.Elan => ElanTags.Read(TagExport.Write(format, custom, Written)),
                TagFormat.Boris => BorisTags.Read(TagExport.Write(format, custom, Written)),
                _ => CsvTags.Read(TagExport.Write(format, custom, Written)),
            };
            Assert.Equal("eigen-label", Assert.Single(tags).Label);
        }
    }

    [Fact]
    public void FileName_IsTheIdsOnly() =>
        Assert.Equal(["fam-0042-2026-11-20-visit-3.eaf", "fam-0042-2026-11-20-visit-3-boris.csv", "fam-0042-2026-11-20-visit-3.csv"],
            Enum.GetValues<TagFormat>().Select(f => TagExport.FileName(f, Session())));

    static SessionManifest ReadBack(IReadOnlyList<ImportedTag> tags)
    {
        var read = ManifestReader.Read(ManifestBuilder.Build("basic-trust", "fam-0042", "2026-11-20-visit-3", "recording.mp4", tags));
        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        return read.Manifest!;
    }

    static IEnumerable<(TimeSpan Start, TimeSpan End, string Label, Actor Actor, string? Note)> Expected(SessionManifest manifest, bool notes, bool oneLine = false) =>
        manifest.Tags.Where(t => !t.Concern).OrderBy(t => t.Start)
            .Select(t => (t.Start, t.End, t.Label.Code, t.Actor, notes ? (oneLine ? t.Note?.Replace("\n", " ") : t.Note) : null));

    static IEnumerable<(TimeSpan Start, TimeSpan End, string Label, Actor Actor, string? Note)> Facts(SessionManifest manifest) =>
        manifest.Tags.OrderBy(t => t.Start).Select(t => (t.Start, t.End, t.Label.Code, t.Actor, t.Note));

    static JsonObject Tag(double start, double end, string label, Action<JsonObject>? more = null)
    {
        var tag = Manifests.Tag(start, end, label);
        more?.Invoke(tag);
        return tag;
    }
}
