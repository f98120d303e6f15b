using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Previews;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Sources;
using FFMpegCore.Enums;

namespace BasicTrust.Media.Tests;

public class PreviewTests
{
    static MediaInfo Info(string format, string video, string? audio, string pixels = "yuv420p") => new()
    {
        FormatName = format,
        Duration = TimeSpan.FromSeconds(2),
        Video = new VideoStreamInfo(video, null, pixels, 320, 240, 25, 25, 0),
        Audio = audio is null ? null : new AudioStreamInfo(audio, 2, "stereo", 48000),
    };

    [Theory]
    [InlineData("mov,mp4,m4a,3gp,3g2,mj2", "h264", "aac", "visit.mp4", PreviewNeed.None)]
    [InlineData("mov,mp4,m4a,3gp,3g2,mj2", "h264", null, "visit.mov", PreviewNeed.None)]
    [InlineData("matroska,webm", "vp9", "opus", "visit.webm", PreviewNeed.None)]
    [InlineData("mov,mp4,m4a,3gp,3g2,mj2", "h264", "pcm_s16le", "visit.mov", PreviewNeed.Remux)]
    [InlineData("matroska,webm", "h264", "aac", "visit.mkv", PreviewNeed.Remux)]
    [InlineData("avi", "h264", "mp3", "visit.avi", PreviewNeed.Remux)]
    [InlineData("mov,mp4,m4a,3gp,3g2,mj2", "hevc", "aac", "IMG_0042.mov", PreviewNeed.Transcode)]
    [InlineData("avi", "mpeg4", "mp3", "visit.avi", PreviewNeed.Transcode)]
    [InlineData("matroska,webm", "vp9", "opus", "visit.mkv", PreviewNeed.Transcode)]
    public void Decide_NamesWhatTheBrowserNeeds(string format, string video, string? audio, string fileName, PreviewNeed need) =>
        Assert.Equal(need, BrowserPlayback.Decide(Info(format, video, audio), fileName).Need);

    [Theory]
    [InlineData("yuv420p10le")]
    [InlineData("yuv422p")]
    public void Decide_H264ThatBrowsersCannotDecode_IsTranscoded(string pixels) =>
        Assert.Equal(PreviewNeed.Transcode, BrowserPlayback.Decide(Info("mov,mp4,m4a,3gp,3g2,mj2", "h264", "aac", pixels), "visit.mp4").Need);

    [Theory]
    [InlineData("hevc", "Main", 320, 240, 25, "aac", "video/mp4; codecs=\"hvc1.1.6.L120.B0,mp4a.40.2\"")]
    [InlineData("hevc", "Main 10", 3840, 2160, 60, "aac", "video/mp4; codecs=\"hvc1.2.4.L153.B0,mp4a.40.2\"")]
    [InlineData("hevc", "Main", 1920, 1080, 60, null, "video/mp4; codecs=\"hvc1.1.6.L123.B0\"")]
    [InlineData("hevc", "Rext", 1920, 1080, 30, "aac", null)]
    [InlineData("hevc", "Main", 1920, 1080, 30, "pcm_s16le", null)]
    [InlineData("mpeg4", "Simple Profile", 640, 480, 25, "mp3", null)]
    public void Type_OffersHevcInMp4WithItsCodecs_NothingElse(string codec, string profile, int width, int height, double rate, string? audio, string? type) =>
        Assert.Equal(type, BrowserPlayback.Type(Info("mov,mp4,m4a,3gp,3g2,mj2", codec, audio) with
        {
            Video = new VideoStreamInfo(codec, profile, "yuv420p", width, height, rate, rate, 0),
        }));

    [Fact]
    public async Task Hevc_BecomesAnH264PreviewWithTheSameTimeline()
    {
        using var media = new TestMedia();
        var hevc = media.PathOf("IMG_0042.mov");
        await FfmpegCommand.From("testsrc2=size=320x240:rate=25:duration=2", i => i.AsLavfi())
            .AddInput("sine=frequency=440:sample_rate=48000:duration=2", i => i.AsLavfi())
            .ToFile(hevc, o => o.WithVideoCodec("libx265").WithCustomArgument("-x265-params log-level=error -pix_fmt yuv420p -tag:v hvc1").WithAudioCodec(AudioCodec.Aac))
            .RunAsync();
        var source = await MediaSource.OpenAsync(hevc, new MediaLimits());
        var (need, reason) = BrowserPlayback.Decide(source.Info, hevc);
        Assert.Equal(PreviewNeed.Transcode, need);
        Assert.Equal(("preview.codec", "hevc"), (reason?.Key, reason?.Args["codec"]));
        Assert.Equal("De browser kan het beeld niet afspelen (hevc).", reason?.In("nl"));

        var preview = media.PathOf("preview.mp4");
        await PreviewMaker.MakeAsync(source, need, preview);

        var made = await MediaProbe.ProbeAsync(preview);
        Assert.Equal(("h264", "aac", 320, 240), (made.Video.Codec, made.Audio?.Codec, made.Video.Width, made.Video.Height));
        Assert.InRange((made.Duration - source.Info.Duration).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(0.1));
        Assert.Equal(PreviewNeed.None, BrowserPlayback.Decide(made, preview).Need);
    }

    [Fact]
    public async Task Hevc_Preview_KeepsEveryFrameInItsPlace()
    {
        using var media = new TestMedia();
        var numbered = await media.NumberedVideoAsync("numbered.mp4", seconds: 2);
        var hevc = media.PathOf("numbered-hevc.mp4");
        await FfmpegCommand.From(numbered).ToFile(hevc, o => o.WithVideoCodec("libx265").WithCustomArgument("-x265-params log-level=error:crf=18 -pix_fmt yuv420p -tag:v hvc1").WithAudioCodec(AudioCodec.Aac)).RunAsync();
        var source = await MediaSource.OpenAsync(hevc, new MediaLimits());

        var preview = media.PathOf("preview.mp4");
        await PreviewMaker.MakeAsync(source, PreviewNeed.Transcode, preview);

        Assert.Equal(await media.FrameNumbersAsync(hevc), await media.FrameNumbersAsync(preview));
    }

    [Fact]
    public async Task H264InMatroska_IsRemuxed_ThePicturesCopiedFrameForFrame()
    {
        using var media = new TestMedia();
        var mkv = await media.NumberedVideoAsync("visit.mkv", seconds: 2);
        var source = await MediaSource.OpenAsync(mkv, new MediaLimits());
        Assert.Equal(PreviewNeed.Remux, BrowserPlayback.Decide(source.Info, mkv).Need);

        var preview = media.PathOf("preview.mp4");
        await PreviewMaker.MakeAsync(source, PreviewNeed.Remux, preview);

        Assert.Equal(await media.FrameNumbersAsync(mkv), await media.FrameNumbersAsync(preview));
    }
}
