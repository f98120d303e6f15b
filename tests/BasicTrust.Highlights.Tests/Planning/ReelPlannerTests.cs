using System.Text.Json.Nodes;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Planning;

namespace BasicTrust.Highlights.Tests.Planning;

public class ReelPlannerTests
{
    static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    static ReelPlan Reel(string order, params JsonObject[] tags) =>
        SessionPlanner.Plan(Manifests.WithTags(r => r["order"] = order, tags), S(600), "\"etag\"").Plan!;

    static JsonObject Strength(double at, string id) => Manifests.Tag(at, at + 5, "benoemen", id);
    static JsonObject Learning(double at, string id) => Manifests.Tag(at, at + 5, "verwarrend-gedrag", id);

    static IEnumerable<string> Order(ReelPlan reel) => reel.Clips.Select(c => c.Tags[0].Id);

    [Fact]
    public void Chronological_ShowsClipsInTimeOrder() =>
        Assert.Equal(["a", "b", "c"], Order(Reel("chronological", Strength(100, "c"), Strength(10, "a"), Learning(50, "b"))));

    [Fact]
    public void AsListed_KeepsTheTherapistsOrder() =>
        Assert.Equal(["c", "a", "b"], Order(Reel("as-listed", Strength(100, "c"), Strength(10, "a"), Learning(50, "b"))));

    [Fact]
    public void StrengthsFirst_EndsOnAStrength() =>
        Assert.Equal(["s1", "l1", "l2", "s2"], Order(Reel("strengths-first", Learning(10, "l1"), Strength(30, "s1"), Learning(50, "l2"), Strength(70, "s2"))));

    [Fact]
    public void StrengthsFirst_WithOnlyLearningMoments_KeepsTimeOrder() =>
        Assert.Equal(["l1", "l2"], Order(Reel("strengths-first", Learning(50, "l2"), Learning(10, "l1"))));

    [Fact]
    public void StrengthsFirst_WithOnlyStrengths_KeepsTimeOrder() =>
        Assert.Equal(["s1", "s2"], Order(Reel("strengths-first", Strength(50, "s2"), Strength(10, "s1"))));

    [Fact]
    public void Clips_KeepTheirTimeIndexWhateverTheReelOrder()
    {
        var reel = Reel("as-listed", Strength(100, "c"), Strength(10, "a"));
        Assert.Equal([1, 0], reel.Clips.Select(c => c.Index));
        Assert.EndsWith("-02", reel.Clips[0].ClipId);
    }

    [Fact]
    public void Chapters_FollowEachOtherAndAreTitledWithDisplayNames()
    {
        var reel = Reel("chronological", Strength(10, "a"), Manifests.Tag(100, 110, "spiegelen", "b"));
        Assert.Equal([("Benoemen", S(0), S(8)), ("Spiegelen", S(8), S(21))], reel.Chapters.Select(c => (c.Title, c.Start, c.End)));
        Assert.Equal(S(21), reel.Duration);
    }

    [Fact]
    public void MergedClip_ChapterTitleJoinsDistinctLabels()
    {
        var reel = Reel("chronological", Strength(10, "a"), Manifests.Tag(12, 14, "spiegelen", "b"), Strength(13, "c"));
        Assert.Equal("Benoemen · Spiegelen", Assert.Single(reel.Chapters).Title);
    }

    [Fact]
    public void EnglishReel_UsesEnglishNames()
    {
        var manifest = Manifests.WithTags(r => r["language"] = "en", Strength(10, "a"));
        Assert.Equal("Naming", SessionPlanner.Plan(manifest, S(60), "e").Plan!.Chapters[0].Title);
    }

    [Fact]
    public void Cues_AreInReelTimeAndPreferTheCaption()
    {
        var withCaption = Strength(100, "b");
        withCaption["caption"] = "Jij bent boos, hè?";
        var withNote = Strength(10, "a");
        withNote["note"] = "Moeder benoemt";
        var reel = Reel("chronological", withNote, withCaption);

        Assert.Equal([("a", S(2), S(7), "Benoemen: Moeder benoemt"), ("b", S(10), S(15), "Jij bent boos, hè?")],
            reel.Cues.Select(c => (c.TagId, c.Start, c.End, c.Text)));
    }

    [Fact]
    public void Cue_WithoutNoteOrCaption_IsTheLabel() =>
        Assert.Equal("Benoemen", Reel("chronological", Strength(10, "a")).Cues[0].Text);

    [Fact]
    public void TotalOverMaxSeconds_IsAnErrorThatSaysByHowMuch()
    {
        var manifest = Manifests.WithTags(r => r["maxSeconds"] = 10, Strength(10, "a"), Strength(100, "b"));
        var result = SessionPlanner.Plan(manifest, S(600), "e");
        Assert.Null(result.Plan);
        var p = Assert.Single(result.Problems);
        Assert.Equal(("reel.maxSeconds", "max-length"), (p.Path, p.Rule));
        Assert.Contains("would run 16.000 s, 6.000 s over the 10 s limit", p.Message);
    }
}
