using BasicTrust.Media.Clips;
using BasicTrust.Media.Hdr;
using BasicTrust.Media.Previews;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Reels;
using BasicTrust.Media.Sources;
using Xunit.Abstractions;

namespace BasicTrust.Media.Tests;

/// <summary>
/// An HDR recording's clip, still, reel and preview come out BT.709 SDR: tagged so, HDR reference white near white,
/// the grey card mid-grey, and the still showing what its clip shows. Levels are 8-bit full-range RGB as a player shows
/// them. Tolerances: reference white is placed at 92 % (234) by the roll-off (<see cref="ToneMap.Knee"/>), so 225–250
/// allows for compression without letting a clipped (255) or a dim (Hable's 172) white pass; SDR's own 18 % grey is
/// 104 through BT.709's curve and 118 through sRGB's, so 100–120; a still and its clip may differ by x264's and JPEG's
/// rounding only, 3 levels (the old still of a BT.709 picture through JPEG's other matrix was 15 off in red).
/// </summary>
public class HdrConversionTests(ITestOutputHelper output)
{
    static readonly MediaLimits Limits = new();

    [Theory]
    [InlineData(HdrTransfer.Hlg)]
    [InlineData(HdrTransfer.Pq)]
    public async Task Clip_And_Still_OfHdr_AreBt709SdrAndAgree(HdrTransfer transfer)
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await HdrMedia.VideoAsync(media, transfer), Limits);
        var encoding = ClipEncoding.For(source.Info, null);
        var (clip, still) = (media.PathOf("clip.mp4"), media.PathOf("still.jpg"));

        var accuracy = await ClipCutter.CutPreciseAsync(source, new ClipRequest(TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(0.8), "t", "c"), encoding, clip);
        await Still.SaveAsync(source, TimeSpan.FromSeconds(0.5), encoding, still);

        await AssertSdrVideoAsync(clip);
        Assert.Equal((0, 0), (accuracy.InOffsetFrames, accuracy.OutOffsetFrames));
        var (before, video, picture) = (await ReadAsync(media, source.Location), await ReadAsync(media, clip), await ReadAsync(media, still));
        output.WriteLine($"{transfer}: white {Levels(before, video, picture, HdrMedia.White)}; grey {Levels(before, video, picture, HdrMedia.Grey)}; colour as-is {before.Mean(HdrMedia.Colour)}, clip {video.Mean(HdrMedia.Colour)}, still {picture.Mean(HdrMedia.Colour)}");
        AssertWhiteAndGrey(video);
        AssertWhiteAndGrey(picture);
        foreach (var patch in new[] { HdrMedia.White, HdrMedia.Grey })
            Assert.InRange(picture.Level(patch) - video.Level(patch), -3, 3);
        var (inClip, inStill) = (video.Mean(HdrMedia.Colour), picture.Mean(HdrMedia.Colour));
        Assert.True(Math.Abs(inClip.R - inStill.R) <= 3 && Math.Abs(inClip.G - inStill.G) <= 3 && Math.Abs(inClip.B - inStill.B) <= 3, $"clip {inClip}, still {inStill}");
    }

    [Theory]
    [InlineData(HdrTransfer.Hlg)]
    [InlineData(HdrTransfer.Pq)]
    public async Task Reel_OfHdrClips_StaysBt709Sdr(HdrTransfer transfer)
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await HdrMedia.VideoAsync(media, transfer, seconds: 2, audio: true), Limits);
        var encoding = ClipEncoding.For(source.Info, null);
        var clips = new[] { (0.1, 0.7), (1.1, 1.9) }.Select((c, i) => (Request: new ClipRequest(TimeSpan.FromSeconds(c.Item1), TimeSpan.FromSeconds(c.Item2), $"{i}", ""), File: media.PathOf($"clip-{i}.mp4"))).ToList();
        foreach (var (request, file) in clips) await ClipCutter.CutPreciseAsync(source, request, encoding, file);
        var reel = media.PathOf("reel.mp4");

        await ReelAssembler.AssembleAsync(new ReelInput([.. clips.Select(c => c.File)], "Sessie", [], [], "nl"), reel);

        await AssertSdrVideoAsync(reel);
        AssertWhiteAndGrey(await ReadAsync(media, reel));
    }

    [Theory]
    [InlineData(HdrTransfer.Hlg)]
    [InlineData(HdrTransfer.Pq)]
    public async Task Preview_OfHdr_IsBt709Sdr(HdrTransfer transfer)
    {
        using var media = new TestMedia();
        var hdr = await HdrMedia.VideoAsync(media, transfer, "IMG_0042.mov", audio: true);
        var source = await MediaSource.OpenAsync(hdr, Limits);
        var (need, _) = BrowserPlayback.Decide(source.Info, hdr);
        var preview = media.PathOf("preview.mp4");

        await PreviewMaker.MakeAsync(source, need, preview);

        Assert.Equal(PreviewNeed.Transcode, need);
        await AssertSdrVideoAsync(preview);
        AssertWhiteAndGrey(await ReadAsync(media, preview));
    }

    static async Task AssertSdrVideoAsync(string file)
    {
        var video = (await TestMedia.AnalyseAsync(file)).PrimaryVideoStream!;
        Assert.Equal(("h264", "yuv420p", "bt709", "bt709", "bt709"), (video.CodecName, video.PixelFormat, video.ColorPrimaries, video.ColorTransfer, video.ColorSpace));
        Assert.Null((await MediaProbe.ProbeAsync(file)).Video.Hdr);
    }

    static void AssertWhiteAndGrey(Picture picture)
    {
        Assert.InRange(picture.Level(HdrMedia.White), 225, 250);
        Assert.InRange(picture.Level(HdrMedia.Grey), 100, 120);
    }

    static Task<Picture> ReadAsync(TestMedia media, string file) => HdrMedia.FirstFrameAsync(media, file);

    static string Levels(Picture before, Picture clip, Picture still, (double, double) patch) =>
        FormattableString.Invariant($"as-is {before.Level(patch):0.0}, clip {clip.Level(patch):0.0}, still {still.Level(patch):0.0}");
}
