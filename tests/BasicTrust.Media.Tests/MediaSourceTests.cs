using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Tests;

public class MediaSourceTests
{
    static readonly MediaLimits Limits = new();

    [Fact]
    public async Task Open_H264Mp4_ForcesTheProbedDemuxerAndOnlyTheFileProtocol()
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.VideoAsync(), Limits);

        Assert.Equal($"{FfmpegCommand.GlobalFlags} -f mov -protocol_whitelist file -i \"{source.Location}\"", Input(source));
        Assert.Equal("-f mov -protocol_whitelist file", source.ProbeArguments());
    }

    [Fact]
    public void Apply_SasUrl_AllowsOnlyHttpProtocolsAndReconnects()
    {
        var source = new MediaSource("http://127.0.0.1:10000/devstoreaccount1/recordings/a.mkv?sv=x", Info("matroska,webm"));
        Assert.StartsWith($"{FfmpegCommand.GlobalFlags} -f matroska -protocol_whitelist http,https,tcp,tls -reconnect 1 ", Input(source));
        Assert.StartsWith("-f matroska -protocol_whitelist http,https,tcp,tls -reconnect 1 ", source.ProbeArguments());
    }

    [Theory]
    [InlineData("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nsecret.mp4\n#EXT-X-ENDLIST\n", "playlist")]
    [InlineData("ffconcat version 1.0\nfile /etc/passwd\n", "playlist")]
    [InlineData("Dit is geen video, maar een boodschappenlijst.\n", "not a video file")]
    [InlineData("", "not a video file")]
    public async Task Open_NotAVideoNamedMp4_IsRefusedWithAPlainReason(string content, string reason)
    {
        using var media = new TestMedia();
        var path = media.PathOf("recording.mp4");
        await File.WriteAllTextAsync(path, content);

        var e = await Assert.ThrowsAsync<UnsupportedMediaException>(() => MediaSource.OpenAsync(path, Limits));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public async Task Open_FileCutShortWithIndexAtTheFront_SaysWhereItStops()
    {
        using var media = new TestMedia();
        var whole = await media.VideoAsync(seconds: 8, extra: "-movflags +faststart");
        var cut = media.PathOf("cut.mp4");
        var bytes = await File.ReadAllBytesAsync(whole);
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);

        var e = await Assert.ThrowsAsync<UnsupportedMediaException>(() => MediaSource.OpenAsync(cut, Limits));
        Assert.Matches(@"cut short at 00:0[2-6]\.\d{3}", e.Message);
    }

    [Fact]
    public async Task Open_FileCutShortWithIndexAtTheEnd_SaysTheIndexIsMissing()
    {
        using var media = new TestMedia();
        var bytes = await File.ReadAllBytesAsync(await media.VideoAsync(seconds: 4));
        var cut = media.PathOf("cut.mp4");
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);

        var e = await Assert.ThrowsAsync<UnsupportedMediaException>(() => MediaSource.OpenAsync(cut, Limits));
        Assert.Contains("index is missing", e.Message);
    }

    [Fact]
    public async Task Open_LongerThanTheLimit_IsRefused()
    {
        using var media = new TestMedia();
        var path = await media.VideoAsync(seconds: 3);
        var e = await Assert.ThrowsAsync<UnsupportedMediaException>(() => MediaSource.OpenAsync(path, new MediaLimits { MaxDuration = TimeSpan.FromSeconds(2) }));
        Assert.Contains("at most 00:02.000", e.Message);
    }

    [Theory]
    [InlineData(3840, 2160, true)]
    [InlineData(2160, 3840, true)]
    [InlineData(4096, 2160, false)]
    [InlineData(7680, 4320, false)]
    public void Check_Resolution_AllowsUpTo4KEitherWayUp(int width, int height, bool allowed)
    {
        var info = Info("mov,mp4,m4a,3gp,3g2,mj2") with { Video = new VideoStreamInfo("h264", "High", "yuv420p", width, height, 30, 30, 0) };
        var check = () => MediaPolicy.Check(info, Limits);
        if (allowed) check(); else Assert.Contains("at most 3840x2160", Assert.Throws<UnsupportedMediaException>(check).Message);
    }

    [Theory]
    [InlineData(0.001, 0.001, false)]
    [InlineData(0, 0.5, false)]
    [InlineData(1000, 1000, false)]
    [InlineData(29.97, 30, true)]
    [InlineData(0, 25, true)]
    [InlineData(240, 240, true)]
    public void Check_FrameRate_NamesTheRateWhenOutsideTheLimits(double average, double real, bool allowed)
    {
        var info = Info("mov,mp4,m4a,3gp,3g2,mj2") with { Video = new VideoStreamInfo("h264", "High", "yuv420p", 320, 240, average, real, 0) };
        var check = () => MediaPolicy.Check(info, Limits);
        if (allowed) check(); else Assert.Contains("frames per second", Assert.Throws<UnsupportedMediaException>(check).Message);
    }

    [Theory]
    [InlineData("image2", "h264", "image2 file")]
    [InlineData("mov,mp4,m4a,3gp,3g2,mj2", "gif", "codec 'gif'")]
    public void Check_UnknownContainerOrCodec_IsRefused(string format, string codec, string reason)
    {
        var info = Info(format) with { Video = new VideoStreamInfo(codec, null, null, 320, 240, 25, 25, 0) };
        Assert.Contains(reason, Assert.Throws<UnsupportedMediaException>(() => MediaPolicy.Check(info, Limits)).Message);
    }

    [Fact]
    public void Apply_DemuxerOutsideThePolicy_IsRefusedRatherThanForced()
    {
        var source = new MediaSource("/tmp/a.m3u8", Info("hls"));
        Assert.Contains("hls file", Assert.Throws<UnsupportedMediaException>(() => Input(source)).Message);
    }

    /// <summary>The input part of a command using the source (up to and including its -i).</summary>
    static string Input(MediaSource source)
    {
        var text = FfmpegCommand.From(source.Location, source.Apply).ToFile("/tmp/out.mp4", _ => { }).Arguments;
        return text[..(text.IndexOf(" \"/tmp/out.mp4\"", StringComparison.Ordinal))];
    }

    static MediaInfo Info(string format) => new()
    {
        FormatName = format,
        Duration = TimeSpan.FromSeconds(10),
        Video = new VideoStreamInfo("h264", "High", "yuv420p", 320, 240, 25, 25, 0),
    };
}
