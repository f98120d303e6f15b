using BasicTrust.Media.Clips;
using BasicTrust.Media.Indexing;
using BasicTrust.Media.SmartCut;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Tests;

/// <summary>Where a smart cut would not be clean, the plan re-encodes every frame, and says why (open GOPs: <see cref="SmartCutTests"/>).</summary>
public class SmartCutCheckTests
{
    static readonly MediaLimits Limits = new();

    [Theory]
    [InlineData("hevc.mp4", "-c:v libx265 -x265-params log-level=error -profile:v main -tag:v hvc1", "not H.264")]
    [InlineData("vfr.mp4", "-vf select='not(eq(mod(n\\,5)\\,0))' -fps_mode vfr", "variable")]
    [InlineData("in.mkv", "", "no MP4 index")]
    [InlineData("interlaced.mp4", "-flags +ildct+ilme", "parameter sets")]
    [InlineData("hrd.mp4", "-x264-params nal-hrd=vbr -maxrate 400k -bufsize 800k", "parameter sets")] // another encoder's headers: HRD in the VUI
    public async Task Decide_UnsafeSource_ReEncodesAndSaysWhy(string name, string extra, string reason)
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.VideoAsync(name, seconds: 2, extra: extra), Limits);

        var (match, why) = await Decide(source, ClipEncoding.For(source.Info, null));

        Assert.Null(match);
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_RotatedSource_ReEncodes()
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await TestMedia.RotateAsync(await media.VideoAsync(), media.PathOf("rotated.mp4")), Limits);

        var (match, why) = await Decide(source, ClipEncoding.For(source.Info, null));

        Assert.Equal((null, "the source is rotated"), (match, why));
    }

    [Fact]
    public async Task Decide_ClipsScaledDown_ReEncode()
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.VideoAsync(), Limits);

        var (match, why) = await Decide(source, ClipEncoding.For(source.Info, 120));

        Assert.Equal((null, "the clips are scaled"), (match, why));
    }

    [Fact]
    public async Task Decide_X264SourceAtItsOwnSize_SmartCuts()
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.VideoAsync(extra: "-preset veryfast -crf 20"), Limits);

        var (match, why) = await Decide(source, ClipEncoding.For(source.Info, null));

        Assert.Equal("smart cut", why);
        Assert.Equal(20, match!.PicInitQp);
    }

    static async Task<(X264Match? Match, string Reason)> Decide(MediaSource source, ClipEncoding encoding) =>
        await SmartCutCheck.DecideAsync(source, await ContainerIndex.ReadAsync(source), encoding, Path.GetDirectoryName(source.Location)!);
}
