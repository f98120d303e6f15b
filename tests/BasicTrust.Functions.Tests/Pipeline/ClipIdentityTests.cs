using System.Text.Json;
using BasicTrust.Contracts;
using BasicTrust.Contracts.Documents;
using BasicTrust.Functions.CutClip;
using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Functions.Tests.Pipeline;

public class ClipIdentityTests
{
    static readonly PlanDocument Plan = JsonSerializer.Deserialize<PlanDocument>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "plan.json")), Json.Options)!;
    static readonly PlannedClip Clip = Plan.Clips[0];

    [Fact]
    public void OtherPlanAndClipIds_KeepBothIdentities()
    {
        var renamed = Plan with { PlanId = "0123456789ab" };
        var clip = Clip with { ClipId = "0123456789ab-07", Index = 6, Tags = [] };

        Assert.Equal((ClipIdentity.Video(Plan, Clip), ClipIdentity.Still(Plan, Clip)), (ClipIdentity.Video(renamed, clip), ClipIdentity.Still(renamed, clip)));
    }

    public static TheoryData<string> VideoChanges => ["in", "out", "title", "comment", "quality", "encoding", "etag", "reason"];

    [Theory]
    [MemberData(nameof(VideoChanges))]
    public void WhatShapesTheVideo_ChangesItsIdentity(string change)
    {
        var (plan, clip) = change switch
        {
            "in" => (Plan, Clip with { In = Clip.In + TimeSpan.FromMilliseconds(40) }),
            "out" => (Plan, Clip with { Out = Clip.Out + TimeSpan.FromMilliseconds(40) }),
            "title" => (Plan, Clip with { Title = Clip.Title + "!" }),
            "comment" => (Plan, Clip with { Comment = Clip.Comment + "!" }),
            "quality" => (Plan with { Quality = ClipQuality.Draft }, Clip),
            "encoding" => (Plan with { Encoding = Plan.Encoding with { Crf = 24 } }, Clip),
            "etag" => (Plan with { RecordingETag = "\"0x1\"" }, Clip),
            _ => (Plan with { CutReason = "smart cut" }, Clip),
        };

        Assert.NotEqual(ClipIdentity.Video(Plan, Clip), ClipIdentity.Video(plan, clip));
    }

    [Fact]
    public void AnotherWindowOrText_KeepsTheStill_AnotherMomentDoesNot()
    {
        var edited = Clip with { In = Clip.In - TimeSpan.FromSeconds(1), Title = "Spiegelen", Comment = "" };
        var moved = Clip with { StillAt = Clip.StillAt + TimeSpan.FromMilliseconds(40) };

        Assert.Equal(ClipIdentity.Still(Plan, Clip), ClipIdentity.Still(Plan, edited));
        Assert.NotEqual(ClipIdentity.Still(Plan, Clip), ClipIdentity.Still(Plan, moved));
        Assert.NotEqual(ClipIdentity.Still(Plan, Clip), ClipIdentity.Still(Plan with { RecordingETag = "\"0x1\"" }, Clip));
    }
}
