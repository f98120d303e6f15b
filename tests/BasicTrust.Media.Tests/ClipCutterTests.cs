using BasicTrust.Media.Clips;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Tests;

public class ClipCutterTests
{
    static readonly MediaLimits Limits = new();

    [Theory]
    [InlineData(2.0, 4.0)]     // on keyframes (GOP 50 = 2 s)
    [InlineData(1.52, 3.28)]   // between keyframes: frames 38..81
    [InlineData(0, 0.6)]       // from the very first frame
    public async Task Precise_FirstAndLastFramesAreTheRequestedOnes(double from, double to)
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.NumberedVideoAsync(), Limits);
        var output = media.PathOf("clip.mp4");

        var accuracy = await ClipCutter.CutPreciseAsync(source, Request(from, to), ClipEncoding.For(source.Info, 720), output);

        var frames = await media.FrameNumbersAsync(output);
        var (first, last) = ((int)Math.Round(from * 25), (int)Math.Round(to * 25) - 1);
        Assert.Equal(Enumerable.Range(first, last - first + 1), frames);
        Assert.Equal((0, 0), (accuracy.InOffsetFrames, accuracy.OutOffsetFrames));
    }

    [Fact]
    public async Task Precise_WritesH264HighAacStereoFastStartWithTitleAndNoSourceMetadata()
    {
        using var media = new TestMedia();
        // A phone's GPS location, in the container's tags and in a stream's.
        var recording = await media.VideoAsync(seconds: 3, extra: "-metadata location=+52.3676+004.9041/ -metadata:s:v:0 location=+52.3676+004.9041/ -metadata:s:v:0 handler_name=GPSCAM");
        var source = await MediaSource.OpenAsync(recording, Limits);
        var output = media.PathOf("clip.mp4");

        await ClipCutter.CutPreciseAsync(source, Request(0.5, 2.5, "Benoemen = 'ja'; #1"), ClipEncoding.For(source.Info, 720), output);

        var info = await MediaProbe.ProbeAsync(output);
        Assert.Equal(("h264", "High", "yuv420p", 320, 240), (info.Video.Codec, info.Video.Profile, info.Video.PixelFormat, info.Video.Width, info.Video.Height));
        Assert.Equal(("aac", 2, 48000), (info.Audio!.Codec, info.Audio.Channels, info.Audio.SampleRate));
        Assert.InRange(info.Duration.TotalSeconds, 1.95, 2.1);
        Assert.True(Reels.Mp4Boxes.IsFastStart(output));
        var analysis = await TestMedia.AnalyseAsync(output);
        Assert.Equal("Benoemen = 'ja'; #1", analysis.Format.Tags?["title"]);
        Assert.Equal("strength", analysis.Format.Tags?["comment"]);
        Assert.Equal("avc1", analysis.PrimaryVideoStream!.CodecTagString);
        var allTags = analysis.Format.Tags!.Concat(analysis.VideoStreams.Concat<FFMpegCore.MediaStream>(analysis.AudioStreams).SelectMany(s => s.Tags ?? new Dictionary<string, string>()));
        Assert.DoesNotContain(allTags, t => t.Key.StartsWith("location", StringComparison.Ordinal) || t.Value.Contains("GPSCAM", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Precise_RotatedHevcPhoneVideo_ComesOutUprightPortraitH264()
    {
        using var media = new TestMedia();
        var hevc = await media.VideoAsync("hevc.mp4", seconds: 2, extra: "-c:v libx265 -x265-params log-level=error -profile:v main -tag:v hvc1");
        var rotated = await TestMedia.RotateAsync(hevc, media.PathOf("rotated.mp4"));
        var source = await MediaSource.OpenAsync(rotated, Limits);
        var output = media.PathOf("clip.mp4");

        await ClipCutter.CutPreciseAsync(source, Request(0, 1), ClipEncoding.For(source.Info, 720), output);

        var info = await MediaProbe.ProbeAsync(output);
        Assert.Equal(("h264", 240, 320, 0), (info.Video.Codec, info.Video.Width, info.Video.Height, info.Video.Rotation));
    }

    [Fact]
    public async Task Precise_VariableFrameRate_BecomesConstant()
    {
        using var media = new TestMedia();
        // Dropping every fifth frame with vfr timing: timestamps keep their gaps, like a phone under load.
        var vfr = await media.VideoAsync("vfr.mp4", seconds: 4, rate: 30, extra: "-vf select='not(eq(mod(n\\,5)\\,0))' -fps_mode vfr");
        var source = await MediaSource.OpenAsync(vfr, Limits);
        Assert.True(source.Info.Video.IsVariableFrameRate);
        var output = media.PathOf("clip.mp4");

        var encoding = ClipEncoding.For(source.Info, 720);
        await ClipCutter.CutPreciseAsync(source, Request(0.5, 3.5), encoding, output);

        var info = await MediaProbe.ProbeAsync(output);
        Assert.False(info.Video.IsVariableFrameRate);
        Assert.Equal(encoding.FramesPerSecond, info.Video.AverageFrameRate, 2);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1)]
    public async Task Precise_NoAudioOrMono_GetsA48kHzStereoTrack(bool audio, int channels)
    {
        using var media = new TestMedia();
        var recording = await media.VideoAsync(seconds: 2, audio: audio, extra: audio ? $"-ac {channels}" : "");
        var source = await MediaSource.OpenAsync(recording, Limits);
        var output = media.PathOf("clip.mp4");

        await ClipCutter.CutPreciseAsync(source, Request(0, 1.5), ClipEncoding.For(source.Info, 720), output);

        var info = await MediaProbe.ProbeAsync(output);
        Assert.Equal(("aac", 2, 48000), (info.Audio!.Codec, info.Audio.Channels, info.Audio.SampleRate));
        Assert.InRange(info.Duration.TotalSeconds, 1.45, 1.6);
    }

    [Theory]
    [InlineData(1920, 1080, 0, 720, 1280, 720)]
    [InlineData(1080, 1920, 0, 720, 720, 1280)]
    [InlineData(1920, 1080, 90, 720, 720, 1280)]
    [InlineData(640, 360, 0, 720, 640, 360)]
    [InlineData(321, 241, 0, 1080, 320, 240)]
    [InlineData(3840, 2160, 0, 480, 854, 480)]
    public void Encoding_ScalesTheShortSideToTheTargetNeverUpAndEvenAtTheNearestStandardRate(int width, int height, int rotation, int target, int expectedWidth, int expectedHeight)
    {
        var info = new MediaInfo { FormatName = "mov", Video = new VideoStreamInfo("h264", null, null, width, height, 29.7, 30, rotation) };
        var encoding = ClipEncoding.For(info, target);
        Assert.Equal((expectedWidth, expectedHeight, "30000/1001"), (encoding.Width, encoding.Height, encoding.FrameRate));
    }

    [Fact]
    public async Task Draft_WidensOutwardToKeyframes_SoNoTaggedFrameIsLost()
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.NumberedVideoAsync(gop: 25), Limits);
        var output = media.PathOf("draft.mp4");

        var accuracy = await ClipCutter.CutDraftAsync(source, Request(1.52, 3.28), output);

        var frames = await media.FrameNumbersAsync(output);
        Assert.Equal(25, frames[0]);                    // the keyframe at 1 s, before frame 38
        Assert.Equal(99, frames[^1]);                   // up to the keyframe at 4 s, after frame 81
        Assert.Equal(Enumerable.Range(25, 75), frames);
        Assert.Equal((-13, 18), (accuracy.InOffsetFrames, accuracy.OutOffsetFrames));
    }

    [Fact]
    public async Task Still_ShowsTheFrameAtTheKeyMoment()
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.NumberedVideoAsync(), Limits);
        var still = media.PathOf("still.jpg");

        await Still.SaveAsync(source, TimeSpan.FromSeconds(2.6), ClipEncoding.For(source.Info, 720), still);

        Assert.Equal([65], await media.FrameNumbersAsync(still));
    }

    [Fact]
    public async Task SmallStill_Is320Wide_InProportion()
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.NumberedVideoAsync(), Limits);
        var (still, small) = (media.PathOf("still.jpg"), media.PathOf("still-320.jpg"));
        await Still.SaveAsync(source, TimeSpan.FromSeconds(2.6), ClipEncoding.For(source.Info, 720), still);

        await Still.SaveSmallAsync(still, small);

        var full = (await TestMedia.AnalyseAsync(still)).PrimaryVideoStream!;
        var thumb = (await TestMedia.AnalyseAsync(small)).PrimaryVideoStream!;
        var (width, height, fullWidth, fullHeight) = (thumb.Width!.Value, thumb.Height!.Value, full.Width!.Value, full.Height!.Value);
        Assert.Equal(Still.SmallWidth, width);
        Assert.Equal((int)Math.Round(320.0 * fullHeight / fullWidth / 2) * 2, height);
    }

    [Theory]
    [InlineData(4.0, 99)]    // exactly the recording's end: the last frame is still shown
    [InlineData(4.5, 99)]    // past the end
    [InlineData(3.96, 99)]   // the last frame's start
    [InlineData(3.95, 98)]   // one frame before the end, just before the last frame starts
    [InlineData(2.61, 65)]   // between frames: the one shown then, not the next
    public async Task Still_AtOrPastTheLastFrame_ShowsTheFrameShownAtThatMoment(double at, int expected)
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.NumberedVideoAsync(seconds: 4), Limits);
        var still = media.PathOf("still.jpg");

        await Still.SaveAsync(source, TimeSpan.FromSeconds(at), ClipEncoding.For(source.Info, 720), still);

        Assert.Equal([expected], await media.FrameNumbersAsync(still));
    }

    [Fact]
    public async Task Precise_EndingAtTheRecordingsEnd_KeepsEveryLastFrame()
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.NumberedVideoAsync(seconds: 4), Limits);
        var output = media.PathOf("clip.mp4");

        var accuracy = await ClipCutter.CutPreciseAsync(source, Request(3.2, 4.0), ClipEncoding.For(source.Info, 720), output);

        Assert.Equal(Enumerable.Range(80, 20), await media.FrameNumbersAsync(output));
        Assert.Equal((0, 0), (accuracy.InOffsetFrames, accuracy.OutOffsetFrames));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task Precise_LowRateSource_FillsTheClipToItsEndAtTheStandardRate(int rate)
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.VideoAsync(seconds: 4, size: "160x120", rate: rate), Limits);
        var encoding = ClipEncoding.For(source.Info, 720);
        var output = media.PathOf("clip.mp4");

        // 1 s at 24000/1001 fps: frames start at 0 .. 0.959 s, 24 of them; the last source frame repeats to the end.
        await ClipCutter.CutPreciseAsync(source, Request(3.0, 4.0), encoding, output);

        var video = (await TestMedia.AnalyseAsync(output)).PrimaryVideoStream!;
        Assert.Equal(((int)Math.Ceiling(encoding.FramesPerSecond), encoding.FramesPerSecond), (FrameCount(video), video.AverageFrameRate));
    }

    static int FrameCount(FFMpegCore.VideoStream video) => (int)Math.Round(video.Duration.TotalSeconds * video.AverageFrameRate);

    static ClipRequest Request(double from, double to, string title = "Benoemen") =>
        new(TimeSpan.FromSeconds(from), TimeSpan.FromSeconds(to), title, "strength");
}
