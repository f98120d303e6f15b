using BasicTrust.Highlights.Manifest;
using BasicTrust.Media.Clips;
using BasicTrust.Media.Hdr;
using BasicTrust.Media.Indexing;
using BasicTrust.Media.SmartCut;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Tests;

/// <summary>An HDR recording's clips are all re-encoded (never half copied), frame-accurate, and the plan says why.</summary>
public class HdrCutTests
{
    static readonly MediaLimits Limits = new();

    [Theory]
    [InlineData(HdrTransfer.Hlg)]
    [InlineData(HdrTransfer.Pq)]
    public async Task Precise_HdrClip_HasExactlyTheRequestedFrames(HdrTransfer transfer)
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await HdrMedia.VideoAsync(media, transfer, seconds: 3, numbered: true), Limits);
        var output = media.PathOf("clip.mp4");

        // Between keyframes (every 2 s): frames 38..56.
        var accuracy = await ClipCutter.CutPreciseAsync(source, new ClipRequest(TimeSpan.FromSeconds(1.52), TimeSpan.FromSeconds(2.28), "t", "c"), ClipEncoding.For(source.Info, null), output);

        Assert.Equal(Enumerable.Range(38, 19), await media.FrameNumbersAsync(output));
        Assert.Equal((0, 0), (accuracy.InOffsetFrames, accuracy.OutOffsetFrames));
    }

    [Theory]
    [InlineData("libx265", "HLG")]
    // 8-bit H.264 tagged HLG at its own size passes every other check: without this rule its middle would be copied.
    [InlineData("libx264", "HLG")]
    public async Task Plan_HdrSource_IsReEncodedAndSaysWhy(string codec, string name)
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await HdrMedia.VideoAsync(media, HdrTransfer.Hlg, codec: codec), Limits);

        var (match, why) = await SmartCutCheck.DecideAsync(source, await ContainerIndex.ReadAsync(source), ClipEncoding.For(source.Info, null), media.Folder);
        var plan = await CutPlan.DecideAsync(source, ClipQuality.Precise, null, "ultrafast", media.Folder);

        Assert.Equal((null, $"the source is HDR ({name}), converted to SDR"), (match, why));
        Assert.Equal(($"re-encode: the source is HDR ({name}), converted to SDR", null), (plan.Reason, plan.Encoding.Match));
    }

    [Fact]
    public async Task Plan_HdrDraft_SaysItsCopiesStayHdr()
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await HdrMedia.VideoAsync(media, HdrTransfer.Pq), Limits);

        Assert.Equal("draft: copied, so the picture stays HDR (PQ)", (await CutPlan.DecideAsync(source, ClipQuality.Draft, null, "ultrafast", media.Folder)).Reason);
    }
}
