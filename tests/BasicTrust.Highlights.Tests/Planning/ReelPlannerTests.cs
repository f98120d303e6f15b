using System.Text.Json.Nodes;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Planning;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Tests.Planning;

public class ReelPlannerTests
{
    static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    static ReelPlan Reel(string order, params JsonObject[] tags) => Reel(r => r["order"] = order, tags);

    static ReelPlan Reel(Action<JsonObject> reel, params JsonObject[] tags) =>
        SessionPlanner.Plan(Manifests.WithTags(reel, tags), S(600), "\"etag\"").Plan!;

    static JsonObject Strength(double at, string id) => Manifests.Tag(at, at + 5, "benoemen", id);
    static JsonObject Learning(double at, string id) => Manifests.Tag(at, at + 5, "verwarringscheppend-gedrag", id);

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
    public void StrengthsFirst_IsTheDefault() =>
        Assert.Equal(["s1", "l1", "l2", "s2"], Order(Reel(r => r.Remove("order"), Learning(10, "l1"), Strength(30, "s1"), Learning(50, "l2"), Strength(70, "s2"))));

    [Fact]
    public void LearningMomentRepairedInTheClip_IsAStrengthTitledHerstel_AndSortsWithTheStrengths()
    {
        // A missed signal at 10 s, contact restored half a second after it ends: one clip, a strength.
        var repaired = Reel("strengths-first", Learning(10, "l1"), Manifests.Tag(15.5, 18, "herstel-van-contact", "r1"), Learning(60, "l2"), Strength(90, "s1"));
        Assert.Equal(["l1", "l2", "s1"], Order(repaired)); // and the reel still ends on a strength
        var clip = repaired.Clips[0];
        Assert.True(clip.Repaired);
        Assert.Equal(Valence.Strength, clip.Valence);
        Assert.Equal("Herstel", repaired.Chapters[0].Title);
        Assert.Equal("Repair", ReelPlanner.Title(clip, "en"));
    }

    [Fact]
    public void RepairTagMarkedAsLearning_RepairsNothing()
    {
        var repair = Manifests.Tag(15.5, 18, "herstel-van-contact", "r1");
        repair["valence"] = "learning";
        var clip = Assert.Single(Reel("strengths-first", Learning(10, "l1"), repair).Clips);
        Assert.False(clip.Repaired);
        Assert.Equal(Valence.Learning, clip.Valence);
    }

    [Fact]
    public void RepairBeforeTheLearningMoment_DoesNotRepairIt()
    {
        var clip = Assert.Single(Reel("strengths-first", Manifests.Tag(10, 12, "herstel-van-contact", "r1"), Learning(12.5, "l1")).Clips);
        Assert.False(clip.Repaired);
        Assert.Equal(Valence.Learning, clip.Valence);
        Assert.Equal("Om samen naar te kijken", ReelPlanner.Title(clip, "nl"));
    }

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
    public void Cues_AreInReelTimeAndOnlyTheTherapistsCaptions()
    {
        var withCaption = Strength(100, "b");
        withCaption["caption"] = "Jij bent boos, hè?";
        var withNote = Strength(10, "a");
        withNote["note"] = "Moeder benoemt";
        var reel = Reel("chronological", withNote, withCaption);

        Assert.Equal([("b", S(10), S(15), "Jij bent boos, hè?")], reel.Cues.Select(c => (c.TagId, c.Start, c.End, c.Text)));
    }

    [Fact]
    public void Cue_WithoutCaption_IsNotShown() => Assert.Empty(Reel("chronological", Strength(10, "a")).Cues);

    [Fact]
    public void Note_NeverReachesATitleACaptionOrTheClipComment()
    {
        var strength = Strength(10, "a");
        strength["note"] = "Kijkt weg bij het huilen";
        var learning = Learning(100, "b");
        learning["note"] = "Kijkt weg bij het huilen";
        var reel = Reel("chronological", strength, learning);

        var shown = reel.Chapters.Select(c => c.Title).Concat(reel.Cues.Select(c => c.Text)).Concat(reel.Clips.Select(ReelPlanner.Comment));
        Assert.DoesNotContain(shown, text => text.Contains("huilen", StringComparison.Ordinal));
    }

    [Fact]
    public void LearningChapter_IsNamedNeutrallyNeverWithTheClinicalLabel()
    {
        var reel = Reel("chronological", Learning(10, "l"));
        Assert.Equal("Om samen naar te kijken", reel.Chapters[0].Title);
        Assert.Equal("verwarringscheppend-gedrag", reel.Clips[0].Tags[0].Label.Code); // the label stays with the tag, for the JSON
    }

    [Fact]
    public void LearningChapter_InEnglish_IsNamedNeutrally()
    {
        var manifest = Manifests.WithTags(r => r["language"] = "en", Learning(10, "l"));
        Assert.Equal("To look at together", SessionPlanner.Plan(manifest, S(60), "e").Plan!.Chapters[0].Title);
    }

    [Fact]
    public void LearningChapter_WithTheTherapistsCaption_UsesTheCaption()
    {
        var learning = Learning(10, "l");
        learning["caption"] = "Wat had Sam hier nodig?";
        Assert.Equal("Wat had Sam hier nodig?", Reel("chronological", learning).Chapters[0].Title);
    }

    [Fact]
    public void MergedStrengthAndLearning_IsTitledAsALearningMoment() =>
        Assert.Equal("Om samen naar te kijken", Assert.Single(Reel("chronological", Strength(10, "s"), Learning(12, "l")).Chapters).Title);

    [Fact]
    public void ChildSignal_SortsWithTheParentsLearningMomentInItsClip()
    {
        var reel = Reel("strengths-first", Strength(10, "s1"), Manifests.Tag(50, 52, "kind-signaal", "c"), Learning(51, "l"), Strength(100, "s2"));
        Assert.Equal(["s1", "c", "s2"], Order(reel));
        Assert.Equal(Valence.Learning, reel.Clips[1].Valence);
    }

    [Fact]
    public void ChildSignal_WithAStrength_IsAStrengthClipButNotCountedAsOne()
    {
        var reel = Reel("strengths-first", Manifests.Tag(10, 12, "kind-signaal", "c"), Strength(11, "s"), Learning(100, "l"));
        Assert.Equal(Valence.Strength, reel.Clips[^1].Valence);
        Assert.Equal(["l", "c"], Order(reel)); // ends on the strength the child's signal belongs to
    }

    [Fact]
    public void StrengthsFirst_ChildAloneClip_StaysAmongTheLeadingClipsAndNeverCloses() =>
        Assert.Equal(["c", "l", "s"], Order(Reel("strengths-first", Strength(10, "s"), Manifests.Tag(50, 55, "kind-signaal", "c"), Learning(100, "l"))));

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
