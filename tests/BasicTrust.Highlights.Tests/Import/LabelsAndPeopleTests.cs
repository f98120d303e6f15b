using BasicTrust.Highlights.Import;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Tests.Import;

/// <summary>
/// Files as ELAN and BORIS users make them: the code is the annotation's value or the behaviour, the person the tier,
/// its participant or the subject. Each is read into a manifest the pipeline accepts.
/// </summary>
public class LabelsAndPeopleTests
{
    /// <summary>The file new users imported: a tier "Moeder" whose values come from a controlled vocabulary.</summary>
    const string PlainElan = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ANNOTATION_DOCUMENT AUTHOR="" DATE="2026-11-20T10:00:00+01:00" FORMAT="3.0" VERSION="3.0">
          <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
          <TIME_ORDER>
            <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="1000"/><TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="3000"/>
            <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="5000"/><TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="7500"/>
          </TIME_ORDER>
          <TIER LINGUISTIC_TYPE_REF="codes" TIER_ID="Moeder">
            <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" CVE_REF="c1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>benoemen</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
            <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" CVE_REF="c2" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts4"><ANNOTATION_VALUE>Signaal gemist</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
          </TIER>
          <LINGUISTIC_TYPE CONTROLLED_VOCABULARY_REF="bt" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="codes" TIME_ALIGNABLE="true"/>
        </ANNOTATION_DOCUMENT>
        """;

    [Fact]
    public void Elan_TierNamingAParent_ValuesAreTheLabels_AndNotNotes()
    {
        var tags = ElanTags.Read(PlainElan);
        Assert.Equal([new ImportedTag("1", "3", "benoemen", Actor: "parent"), new ImportedTag("5", "7.5", "signaal-gemist", Actor: "parent")], tags);
        var manifest = Planned(tags);
        Assert.Equal(["benoemen", "signaal-gemist"], manifest.Tags.Select(t => t.Label.Code));
        Assert.All(manifest.Tags, t => Assert.Null(t.Note));
    }

    [Fact]
    public void Elan_ParticipantNamesThePerson_AndADependentTierGivesTheNotes()
    {
        var eaf = PlainElan
            .Replace("""TIER_ID="Moeder">""", """PARTICIPANT="Kind" TIER_ID="Codes">""")
            .Replace("benoemen", "kind-signaal")
            .Replace("</TIER>", """
                </TIER>
                <TIER LINGUISTIC_TYPE_REF="notes" PARENT_REF="Codes" TIER_ID="Notities">
                  <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a3" ANNOTATION_REF="a1"><ANNOTATION_VALUE>wijst naar de bal</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
                  <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a4" ANNOTATION_REF="nowhere"><ANNOTATION_VALUE>over niets</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
                </TIER>
                """);
        var tags = ElanTags.Read(eaf);
        Assert.Equal(new ImportedTag("1", "3", "kind-signaal", Note: "wijst naar de bal", Actor: "child"), tags[0]);
        Assert.Equal(2, tags.Count);
    }

    [Fact]
    public void Elan_TierNamingNobody_KeepsTheLabelsOwnActor()
    {
        var tags = ElanTags.Read(PlainElan.Replace("""TIER_ID="Moeder">""", """TIER_ID="Interactie">""").Replace("benoemen", "kind-signaal"));
        Assert.All(tags, t => Assert.Null(t.Actor));
        Assert.Equal([Actor.Child, Actor.Parent], Planned(tags).Tags.Select(t => t.Actor));
    }

    [Fact]
    public void Boris_Modern_BehaviorTypeHoldsTheStatus_SubjectIsThePerson_CommentsWithCommasStayWhole()
    {
        const string boris = """"
            Observation id,Observation date,Description,Observation duration,Observation type,Source,Time offset (s),Media duration (s),FPS,Subject,Behavior,Behavioral category,Behavior type,Time,Media file name,Image index,Image file path,Comment
            bezoek-3,2026-11-20 10:00:00,,20.000,Media file(s),player #1:rec.mp4,0.000,180.000,25.000,Moeder,Sensitief reageren,strength,START,12.400,rec.mp4,310,NA,"kijkt, en wacht"
            bezoek-3,2026-11-20 10:00:00,,20.000,Media file(s),player #1:rec.mp4,0.000,180.000,25.000,Kind,Sensitief reageren,,START,13.000,rec.mp4,325,NA,
            bezoek-3,2026-11-20 10:00:00,,20.000,Media file(s),player #1:rec.mp4,0.000,180.000,25.000,Moeder,Sensitief reageren,strength,STOP,31.000,rec.mp4,775,NA,
            bezoek-3,2026-11-20 10:00:00,,20.000,Media file(s),player #1:rec.mp4,0.000,180.000,25.000,Kind,Sensitief reageren,,STOP,32.000,rec.mp4,800,NA,"zegt ""mama"""
            bezoek-3,2026-11-20 10:00:00,,20.000,Media file(s),player #1:rec.mp4,0.000,180.000,25.000,Kind,Lacht,,POINT,20.000,rec.mp4,500,NA,
            """";
        Assert.Equal([
            new ImportedTag("12.400", "31.000", "sensitief-reageren", "strength", "kijkt, en wacht", Actor: "parent"),
            new ImportedTag("13.000", "32.000", "sensitief-reageren", Note: "zegt \"mama\"", Actor: "child"),
        ], BorisTags.Read(boris));
    }

    [Theory]
    [InlineData("Moeder", Actor.Parent)] [InlineData("vader", Actor.Parent)] [InlineData("Ouder", Actor.Parent)] [InlineData("Mother_codes", Actor.Parent)]
    [InlineData("Kind", Actor.Child)] [InlineData("baby", Actor.Child)] [InlineData("child 1", Actor.Child)]
    [InlineData("Ouder en kind", Actor.Dyad)] [InlineData("moeder-kind", Actor.Dyad)] [InlineData("Dyade", Actor.Dyad)]
    [InlineData("Benoemen", null)] [InlineData("Signaal van het kind", null)] [InlineData("", null)] [InlineData("No focal subject", null)]
    public void ActorNames_TheFirstWordNamesThePerson(string name, Actor? actor) => Assert.Equal(actor, ActorNames.Find(name));

    static SessionManifest Planned(IReadOnlyList<ImportedTag> tags)
    {
        var read = ManifestReader.Read(ManifestBuilder.Build("basic-trust", "fam-1", "s-1", "recording.mp4", tags));
        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        return read.Manifest!;
    }
}
