using System.Text.Json.Nodes;
using BasicTrust.Highlights.Import;
using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Highlights.Tests.Import;

public class ImportTests
{
    [Fact]
    public void Csv_QuotedFieldsWithCommasQuotesAndLineBreaks_AreRead()
    {
        const string csv = "start,end,label,valence,note,caption\r\n00:12.4,00:31,benoemen,,\"Moeder zegt \"\"kijk\"\", lacht\",\"Jij bent\nboos\"\r\n45,62,spiegelen,strength,,\n";
        var tags = CsvTags.Read(csv);
        Assert.Equal(2, tags.Count);
        Assert.Equal(new ImportedTag("00:12.4", "00:31", "benoemen", "", "Moeder zegt \"kijk\", lacht", "Jij bent\nboos"), tags[0]);
        Assert.Equal(("45", "spiegelen", "strength"), (tags[1].Start, tags[1].Label, tags[1].Valence));
    }

    [Fact]
    public void Csv_WithoutTheRequiredColumns_SaysWhichIsMissing() =>
        Assert.Contains("'label'", Assert.Throws<ImportRefusedException>(() => CsvTags.Read("start,end\n1,2\n")).Message);

    [Fact]
    public void Elan_ATierPerCodeWithoutValues_IsLabelledByItsTiers()
    {
        const string eaf = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ANNOTATION_DOCUMENT>
              <TIME_ORDER>
                <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="12400"/><TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="31000"/>
                <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="45000"/><TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="62500"/>
              </TIME_ORDER>
              <TIER TIER_ID="Benoemen">
                <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE></ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
              </TIER>
              <TIER TIER_ID="Veilig begrenzen">
                <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts4"><ANNOTATION_VALUE> </ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
              </TIER>
            </ANNOTATION_DOCUMENT>
            """;
        var tags = ElanTags.Read(eaf);
        Assert.Equal(new ImportedTag("12.4", "31", "benoemen"), tags[0]);
        Assert.Equal(("45", "62.5", "veilig-begrenzen"), (tags[1].Start, tags[1].End, tags[1].Label));
        Assert.Equal(new ImportedTag("12.4", "31", "spiegelen", Note: ""), ElanTags.Read(eaf, tier: "Benoemen", label: "spiegelen").Single());
        Assert.Contains("no tier named", Assert.Throws<ImportRefusedException>(() => ElanTags.Read(eaf, tier: "x")).Message);
    }

    [Fact]
    public void Boris_StartAndStopPairsBecomeTagsAndPointEventsAreSkipped()
    {
        const string boris = "Observation id\tvisit 3\n\nTime\tMedia file path\tTotal length\tFPS\tSubject\tBehavior\tBehavioral category\tComment\tStatus\n" +
            "12.4\trec.mp4\t180\t25\tMoeder\tSensitief reageren\t\t\tSTART\n" +
            "20.0\trec.mp4\t180\t25\tKind\tLacht\t\t\tPOINT\n" +
            "31.0\trec.mp4\t180\t25\tMoeder\tSensitief reageren\t\tmooi moment\tSTOP\n";
        var tag = Assert.Single(BorisTags.Read(boris));
        Assert.Equal(new ImportedTag("12.4", "31.0", "sensitief-reageren", Note: "mooi moment", Actor: "parent"), tag);
    }

    [Fact]
    public void Boris_BehaviourThatNeverStops_IsAnError() =>
        Assert.Contains("never stops", Assert.Throws<ImportRefusedException>(() => BorisTags.Read("Time,Behavior,Status\n1,Spiegelen,START\n")).Message);

    [Fact]
    public void Builder_GivesAManifestThePipelineAccepts()
    {
        var json = ManifestBuilder.Build("basic-trust", "fam-1", "s-1", "recording.mp4", [new ImportedTag("00:12.4", "31", "benoemen", Caption: "Jij bent boos")]);
        var read = ManifestReader.Read(json);
        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        Assert.Equal(31, (double)JsonNode.Parse(json)!["tags"]![0]!["end"]!);
    }

    [Fact]
    public void Builder_TimesJsonHasNoNumberFor_StayTextForTheManifestToRefuse()
    {
        var tags = ManifestBuilder.Tags([new ImportedTag("NaN", "1e400", "benoemen"), new ImportedTag("Infinity", "-Infinity", "benoemen")]);
        Assert.Equal(["NaN", "1e400", "Infinity", "-Infinity"], tags.SelectMany(t => new[] { (string)t!["start"]!, (string)t["end"]! }));
    }
}
