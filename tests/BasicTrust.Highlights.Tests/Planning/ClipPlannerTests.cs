using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Planning;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Highlights.Tests.Planning;

public class ClipPlannerTests
{
    static readonly TimeSpan Minute3 = TimeSpan.FromMinutes(3);
    static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    static PlanResult Plan(SessionManifest manifest, double duration = 180) => SessionPlanner.Plan(manifest, S(duration), "\"0x8DC\"");

    [Fact]
    public void Plan_OneTag_AppliesPreAndPostRoll()
    {
        var clip = Assert.Single(Plan(Manifests.WithTags(Manifests.Tag(10, 20))).Plan!.Clips);
        Assert.Equal((S(8), S(21)), (clip.In, clip.Out));
    }

    [Fact]
    public void Plan_TagAtTheStart_ClampsRollToZeroSilently()
    {
        var result = Plan(Manifests.WithTags(Manifests.Tag(1, 5)));
        Assert.Equal(TimeSpan.Zero, result.Plan!.Clips[0].In);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Plan_TagRunningPastTheEnd_IsClampedWithAWarningNamingTheTag()
    {
        var result = Plan(Manifests.WithTags(Manifests.Tag(170, 200, id: "late")));
        Assert.Equal(S(180), result.Plan!.Clips[0].Out);
        var warning = Assert.Single(result.Problems);
        Assert.Equal((Severity.Warning, "tags[0].end", "within-recording"), (warning.Severity, warning.Path, warning.Rule));
        Assert.Contains("'late'", warning.Message);
    }

    [Fact]
    public void Plan_KeyMomentPastTheEnd_IsClampedIntoTheClipWithTheWarning()
    {
        var result = Plan(Manifests.WithTags(Manifests.Tag(170, 200, id: "late")));
        var clip = result.Plan!.Clips[0];
        Assert.Equal(S(180), clip.StillAt); // the media layer shows the last frame for a moment at the very end
        Assert.Contains("its still shows the last frame", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Plan_TagEntirelyPastTheEnd_IsAnError()
    {
        var result = Plan(Manifests.WithTags(Manifests.Tag(10, 20), Manifests.Tag(190, 200)));
        Assert.Null(result.Plan);
        Assert.Equal(("tags[1].start", "within-recording"), (result.Problems[0].Path, result.Problems[0].Rule));
    }

    [Fact]
    public void Plan_OverlappingTags_MergesIntoOneClip()
    {
        var clip = Assert.Single(Plan(Manifests.WithTags(Manifests.Tag(10, 20, id: "a"), Manifests.Tag(15, 30, id: "b"))).Plan!.Clips);
        Assert.Equal((S(8), S(31)), (clip.In, clip.Out));
        Assert.Equal(["a", "b"], clip.Tags.Select(t => t.Id));
    }

    [Fact]
    public void Plan_ClipsLessThanOneSecondApart_Merge()
    {
        // 20+1 = 21 and 23.9-2 = 21.9: 0.9 s apart.
        Assert.Single(Plan(Manifests.WithTags(Manifests.Tag(10, 20), Manifests.Tag(23.9, 30))).Plan!.Clips);
    }

    [Fact]
    public void Plan_ClipsOneSecondApart_StaySeparate()
    {
        // 21 and 22: exactly 1 s apart.
        Assert.Equal(2, Plan(Manifests.WithTags(Manifests.Tag(10, 20), Manifests.Tag(24, 30))).Plan!.Clips.Count);
    }

    [Fact]
    public void Plan_ClipShorterThanOneSecond_IsAnError()
    {
        var result = Plan(Manifests.WithTags(r => { r["preRoll"] = 0; r["postRoll"] = 0; }, Manifests.Tag(10, 10.5)));
        Assert.Null(result.Plan);
        Assert.Equal("min-length", Assert.Single(result.Problems).Rule);
    }

    [Fact]
    public void Plan_ClipLongerThan180Seconds_IsAWarning()
    {
        var result = Plan(Manifests.WithTags(Manifests.Tag(10, 200)), duration: 600);
        Assert.NotNull(result.Plan);
        Assert.Equal((Severity.Warning, "long-clip"), (result.Problems[0].Severity, result.Problems[0].Rule));
    }

    [Fact]
    public void Plan_KeyMoments_AreKeptInsideTheClip()
    {
        var clip = Plan(Manifests.WithTags(Manifests.Tag(10, 20), Manifests.Tag(15, 25))).Plan!.Clips[0];
        Assert.Equal([S(15), S(20)], clip.KeyMoments);
        Assert.Equal(S(15), clip.StillAt);
    }

    [Fact]
    public void Windows_ThenMerge_SortsByTime()
    {
        var m = Manifests.WithTags(Manifests.Tag(100, 110, id: "late"), Manifests.Tag(10, 20, id: "early"));
        var merged = ClipPlanner.Merge(ClipPlanner.Windows(m.Tags, m.Reel, Minute3, []));
        Assert.Equal(["early", "late"], merged.Select(w => w.Tags[0].Id));
    }
}
