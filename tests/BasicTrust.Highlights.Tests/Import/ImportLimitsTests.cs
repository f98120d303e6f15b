using System.Text;
using BasicTrust.Highlights.Import;
using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Highlights.Tests.Import;

/// <summary>
/// Hostile files are refused while they are read, naming the rule. That the reader stopped there, and did not read the
/// whole file first, shows in the rule: each file goes on with something the reader would refuse by another rule.
/// </summary>
public class ImportLimitsTests
{
    const string NotWellFormed = "<<<";

    [Fact]
    public void Elan_NestedTiers_CountEachAnnotationOnce_ForItsInnermostTier()
    {
        var eaf = Eaf(Tier("A", Annotation(1) + Tier("B", Annotation(2) + Tier("C", Annotation(3)))));
        Assert.Equal(["1", "2", "3"], ElanTags.Read(eaf).Select(t => t.Label));
        Assert.Equal("2", Assert.Single(ElanTags.Read(eaf, tier: "B")).Label);
    }

    [Fact]
    public void Elan_NestedTiersWithMoreTagsThanASessionTakes_AreRefusedAtTheFirstTooMany_BeforeTheRestIsRead()
    {
        // 25 nested tiers of 10: 250 annotations, which the tiers' descendants would count 3,250 times.
        var tiers = new StringBuilder();
        for (var t = 0; t < 25; t++) tiers.Append($"""<TIER TIER_ID="t{t}">""").Append(string.Concat(Enumerable.Range(0, 10).Select(Annotation)));
        var refusal = Refusal(() => ElanTags.Read(Eaf(tiers + NotWellFormed)));
        Assert.Equal(("$", "max-tags"), (refusal.Problem.Path, refusal.Problem.Rule));
        Assert.Contains($"more than {ManifestReader.MaxTags} tags", refusal.Message);
    }

    [Fact]
    public void Elan_MoreNotesThanTheCap_AreRefusedAtTheFirstTooMany_BeforeTheRestIsRead()
    {
        var notes = string.Concat(Enumerable.Range(0, ImportLimits.MaxNotes + 1).Select(i =>
            $"""<ANNOTATION><REF_ANNOTATION ANNOTATION_ID="n{i}" ANNOTATION_REF="a1"><ANNOTATION_VALUE>{i}</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>"""));
        var refusal = Refusal(() => ElanTags.Read(Eaf(Tier("A", Annotation(1)) + Tier("Notes", notes + NotWellFormed))));
        Assert.Equal(("$", "max-notes"), (refusal.Problem.Path, refusal.Problem.Rule));
    }

    [Fact]
    public void Elan_DeepNesting_IsRefusedAtTheDepthCap_BeforeTheRestIsRead()
    {
        // 100,000 levels (700 KB), never closed: read to the end, it is not well-formed.
        var deep = "<ANNOTATION_DOCUMENT>" + new StringBuilder().Insert(0, "<TIER>", 100_000);
        Assert.Equal("max-depth", Refusal(() => ElanTags.Read(deep)).Problem.Rule);
    }

    [Fact]
    public void Elan_EntitiesFromADtd_AreRefused_ButXmlsOwnAreRead()
    {
        const string laughs = """<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><ANNOTATION_DOCUMENT>&b;</ANNOTATION_DOCUMENT>""";
        var refusal = Refusal(() => ElanTags.Read(laughs));
        Assert.Equal(("$", "xml"), (refusal.Problem.Path, refusal.Problem.Rule));

        var note = string.Concat(Enumerable.Repeat("&amp;&#233;", 5_000));
        Assert.Equal(string.Concat(Enumerable.Repeat("&é", 5_000)), Assert.Single(ElanTags.Read(Eaf(Tier("A", Annotation(1).Replace(">1<", $">{note}<"))), label: "benoemen")).Note);
    }

    [Fact]
    public void Csv_HeaderWiderThanTheColumnCap_IsRefused()
    {
        var header = "start,end,label" + string.Concat(Enumerable.Range(0, 90_000).Select(i => $",c{i}"));
        var refusal = Refusal(() => CsvTags.Read(header + "\n1,2,benoemen\n"));
        Assert.Equal(("$", "max-columns"), (refusal.Problem.Path, refusal.Problem.Rule));
    }

    [Fact]
    public void Csv_MoreTagsThanASessionTakes_IsRefusedAtTheFirstTooMany_BeforeTheRestIsRead()
    {
        static string Csv(int rows) => "start,end,label\n" + string.Concat(Enumerable.Range(0, rows).Select(i => $"{i},{i + 1},benoemen\n"));
        var tooWide = new string(',', ImportLimits.MaxColumns * 2);
        Assert.Equal("max-tags", Refusal(() => CsvTags.Read(Csv(ManifestReader.MaxTags + 1) + tooWide)).Problem.Rule);
        Assert.Equal(ManifestReader.MaxTags, CsvTags.Read(Csv(ManifestReader.MaxTags)).Count);
    }

    [Fact]
    public void Boris_MoreTagsThanASessionTakes_IsRefusedAtTheFirstTooMany_BeforeTheRestIsRead()
    {
        var events = string.Concat(Enumerable.Range(0, ManifestReader.MaxTags + 1).Select(i => $"{i}\tSpiegelen\tSTART\n{i}.5\tSpiegelen\tSTOP\n"));
        const string neverStops = "999\tBenoemen\tSTART\n";
        Assert.Equal("max-tags", Refusal(() => BorisTags.Read("Time\tBehavior\tStatus\n" + events + neverStops)).Problem.Rule);
    }

    [Fact]
    public void Boris_RowWiderThanTheColumnCap_IsRefused() =>
        Assert.Equal("max-columns", Refusal(() => BorisTags.Read("Time,Behavior,Status\n1,Spiegelen,START" + new string(',', 100_000) + "\n")).Problem.Rule);

    static ImportRefusedException Refusal(Action read) => Assert.Throws<ImportRefusedException>(read);

    static string Eaf(string tiers) =>
        """<?xml version="1.0" encoding="UTF-8"?><ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="1000"/><TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="2000"/></TIME_ORDER>"""
        + tiers + "</ANNOTATION_DOCUMENT>";

    static string Tier(string id, string content) => $"""<TIER TIER_ID="{id}">{content}</TIER>""";

    static string Annotation(int i) =>
        $"""<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a{i}" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>{i}</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>""";
}
