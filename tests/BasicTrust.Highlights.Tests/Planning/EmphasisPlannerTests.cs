using System.Text.Json.Nodes;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Planning;
using BasicTrust.Highlights.Time;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Highlights.Tests.Planning;

public class EmphasisPlannerTests
{
    static TimeSpan S(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    /// <summary>A tag with an emphasis; the sample's reel: chronological, 2 s before, 1 s after, precise.</summary>
    static JsonObject Tag(double start, double end, string id, string? emphasis = null, double? key = null, double? seconds = null, string? caption = null)
    {
        var tag = Manifests.Tag(start, end, "benoemen", id);
        if (emphasis is not null) tag["emphasis"] = emphasis;
        if (key is not null) tag["keyMoment"] = key;
        if (seconds is not null) tag["emphasisSeconds"] = seconds;
        if (caption is not null) tag["caption"] = caption;
        return tag;
    }

    static PlanResult Plan(FrameGrid? grid, Action<JsonObject>? reel, params JsonObject[] tags) =>
        SessionPlanner.Plan(Manifests.WithTags(reel, tags), S(600), "\"etag\"", grid);

    static ReelPlan Reel(params JsonObject[] tags) => Plan(null, null, tags).Plan!;

    [Fact]
    public void Freeze_HoldsTheKeyFramesTwoSecondsAfterItAndLengthensItsChapter()
    {
        // Clip 8–21 s (13 s); the key moment at 15 s is its frame 175 at 25 fps.
        var reel = Reel(Tag(10, 20, "a", "freeze", key: 15));

        var emphasis = Assert.Single(reel.Clips[0].Emphases);
        Assert.Equal(new ClipEmphasis("a", EmphasisKind.Freeze, S(15), 175, 1, 50), emphasis);
        Assert.Equal((S(0), S(15)), (reel.Chapters[0].Start, reel.Chapters[0].End));
        Assert.Equal(new EmphasisSpan(reel.Clips[0].ClipId, "a", EmphasisKind.Freeze, S(7.04), S(9.04), S(15)), Assert.Single(reel.Emphases));
        Assert.Equal(S(15), reel.Duration);
    }

    [Fact]
    public void Slow_PlaysTheWindowAroundTheKeyMomentTwiceAsLongAndAddsItOnce()
    {
        var reel = Reel(Tag(10, 20, "a", "slow", key: 15));

        Assert.Equal(new ClipEmphasis("a", EmphasisKind.Slow, S(15), 150, 50, 50), Assert.Single(reel.Clips[0].Emphases));
        Assert.Equal(S(15), reel.Chapters[0].End);
        var span = Assert.Single(reel.Emphases);
        Assert.Equal((S(6), S(10)), (span.Start, span.End)); // 14–16 s of the recording, in 4 s
    }

    [Fact]
    public void EmphasisSeconds_SetTheHoldAndTheHalfWindow()
    {
        var reel = Reel(Tag(10, 20, "a", "freeze", key: 12, seconds: 0.5), Tag(100, 110, "b", "slow", key: 105, seconds: 3));

        Assert.Equal(13, reel.Clips[0].Emphases[0].Added); // 12.5 frames, rounded up
        Assert.Equal((150, 150), (reel.Clips[1].Emphases[0].Count, reel.Clips[1].Emphases[0].Added)); // 3 s either side
        Assert.Equal(S(13 + 0.52 + 13 + 6), reel.Duration);
    }

    [Fact]
    public void ChaptersAfterAnEmphasisedClip_StartLaterByWhatItAdded()
    {
        var reel = Reel(Tag(10, 20, "a", "freeze", key: 15), Tag(100, 105, "b"));

        Assert.Equal((S(15), S(23)), (reel.Chapters[1].Start, reel.Chapters[1].End));
        Assert.Empty(reel.Clips[1].Emphases);
    }

    [Fact]
    public void CaptionSpanningAFreeze_Stretches_AndOneAfterItMoves()
    {
        // b merges into a's clip (8–21.5 s); the freeze after frame 175 (clip time 7.04 s) adds 2 s.
        var reel = Reel(Tag(10, 20, "a", "freeze", key: 15, caption: "over"), Tag(17, 20.5, "b", caption: "na"));

        var cues = reel.Cues.ToDictionary(c => c.TagId);
        Assert.Equal((S(2), S(14)), (cues["a"].Start, cues["a"].End));
        Assert.Equal((S(11), S(14.5)), (cues["b"].Start, cues["b"].End));
    }

    [Fact]
    public void CaptionsAroundASlowWindow_StretchWithinItAndMoveAfterIt()
    {
        // The window is clip time 6–8 s (14–16 s of the recording), played in 6–10 s of the chapter.
        var reel = Reel(Tag(10, 20, "a", "slow", key: 15, caption: "begin"), Tag(15, 19, "b", caption: "midden"));

        var cues = reel.Cues.ToDictionary(c => c.TagId);
        Assert.Equal((S(2), S(14)), (cues["a"].Start, cues["a"].End));
        Assert.Equal((S(8), S(13)), (cues["b"].Start, cues["b"].End)); // 15 s is half-way through the window
    }

    [Fact]
    public void SlowWindow_IsClampedToTheClip()
    {
        // No pre-roll: the clip starts at 10 s; the key moment 10.2 s is its frame 5, so the window is its frames 0–30.
        var reel = Plan(null, r => r["preRoll"] = 0, Tag(10, 20, "a", "slow", key: 10.2)).Plan!;

        Assert.Equal((0, 30, 30), (reel.Clips[0].Emphases[0].From, reel.Clips[0].Emphases[0].Count, reel.Clips[0].Emphases[0].Added));
        Assert.Equal((S(0), S(2.4)), (reel.Emphases[0].Start, reel.Emphases[0].End));
    }

    [Fact]
    public void Freeze_AtTheClipsEnd_HoldsItsLastFrame()
    {
        var reel = Plan(null, r => r["postRoll"] = 0, Tag(10, 20, "a", "freeze", key: 20)).Plan!;

        Assert.Equal(299, reel.Clips[0].Emphases[0].From); // frames 0–299 of the clip 8–20 s
        Assert.Equal(S(14), reel.Duration);
    }

    [Fact]
    public void AtNtscRate_KeyMomentAndLengthsSnapToWholeFrames()
    {
        var grid = FrameGrid.Parse("30000/1001");
        var reel = Plan(grid, null, Tag(10, 20, "a", "freeze", key: 15)).Plan!;

        // The clip runs from frame 240 (8.008 s, the first at or after 8 s) to 629 (20.988 s, the last by 21 s); 15 s is
        // frame 450 (15.015 s); 2 s are 60 frames (2.002 s).
        Assert.Equal((grid.Time(240), grid.Time(629)), (reel.Clips[0].In, reel.Clips[0].Out));
        Assert.Equal(new ClipEmphasis("a", EmphasisKind.Freeze, grid.Time(450), 210, 1, 60), reel.Clips[0].Emphases[0]);
        Assert.Equal(grid.Time(629) - grid.Time(240) + grid.Time(60), reel.Duration);
        Assert.Equal((grid.Time(211), grid.Time(271)), (reel.Emphases[0].Start, reel.Emphases[0].End));
    }

    [Fact]
    public void DraftReel_ShowsNoEmphasis_AndSaysSo()
    {
        var result = Plan(null, r => r["quality"] = "draft", Tag(10, 20, "a", "freeze"));

        Assert.Empty(result.Plan!.Emphases);
        Assert.Equal(S(13), result.Plan.Duration);
        var warning = Assert.Single(result.Problems);
        Assert.Equal((Severity.Warning, "tags[0].emphasis", "precise"), (warning.Severity, warning.Path, warning.Rule));
    }

    [Fact]
    public void EmphasisOverlappingAnEarlierOneInItsClip_IsLeftOutWithAWarning()
    {
        // b's freeze at 15.5 s falls in a's slow window (14–16 s).
        var result = Plan(null, null, Tag(10, 20, "a", "slow", key: 15), Tag(12, 19, "b", "freeze", key: 15.5));

        Assert.Equal(["a"], result.Plan!.Clips[0].Emphases.Select(e => e.TagId));
        var warning = Assert.Single(result.Problems);
        Assert.Equal(("tags[1].emphasis", "overlap", "a"), (warning.Path, warning.Rule, warning.Text.Args["other"]));
    }

    [Fact]
    public void TwoEmphasesInOneClip_AddUp_InClipOrder()
    {
        var reel = Reel(Tag(10, 20, "a", "freeze", key: 18), Tag(12, 19, "b", "slow", key: 12));

        Assert.Equal(["b", "a"], reel.Clips[0].Emphases.Select(e => e.TagId));
        // b's window (clip 3–5 s) plays in 3–7 s and adds 2 s, so a's frame (clip 10 s) is held from 12.04 s.
        Assert.Equal([(S(3), S(7)), (S(12.04), S(14.04))], reel.Emphases.Select(e => (e.Start, e.End)));
        Assert.Equal(S(17), reel.Duration);
    }

    [Fact]
    public void EmphasisedReel_OverTheLimit_IsRefused()
    {
        var result = Plan(null, r => r["maxSeconds"] = 14, Tag(10, 20, "a", "freeze"));

        Assert.Contains(result.Problems, p => p.Rule == "max-length");
    }

    [Fact]
    public void PlanId_ChangesWithTheEmphasis()
    {
        string Id(JsonObject tag) => PlanIds.PlanId("\"etag\"", Manifests.WithTags(tag));
        Assert.NotEqual(Id(Tag(10, 20, "a")), Id(Tag(10, 20, "a", "freeze")));
        Assert.NotEqual(Id(Tag(10, 20, "a", "freeze")), Id(Tag(10, 20, "a", "slow")));
        Assert.NotEqual(Id(Tag(10, 20, "a", "freeze")), Id(Tag(10, 20, "a", "freeze", seconds: 3)));
    }
}
