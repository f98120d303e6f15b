using BasicTrust.Media.Ffmpeg;

namespace BasicTrust.Media.Tests;

public class FfmpegArgumentsTests
{
    [Fact]
    public void Build_PreciseClipShape_PutsInputOptionsBeforeTheirInput()
    {
        var argv = new FfmpegArguments()
            .LogLevel()
            .ProgressToStdout()
            .Input("https://acct.blob.core.windows.net/recordings/a.mp4?sv=1&sig=x", i => i
                .Seek(TimeSpan.FromSeconds(72.4)).Format("mov,mp4,m4a,3gp,3g2,mj2").ProtocolWhitelist("https", "tls", "tcp").Reconnect())
            .Output("clip.mp4", o => o.Duration(TimeSpan.FromSeconds(18.6)).H264("veryfast", 20).ConstantFrameRate("25").Aac().Mp4FastStart())
            .Build();

        Assert.Equal(
        [
            "-hide_banner", "-y", "-loglevel", "warning", "-progress", "pipe:1", "-nostats",
            "-ss", "72.400000", "-f", "mov,mp4,m4a,3gp,3g2,mj2", "-protocol_whitelist", "https,tls,tcp",
            "-reconnect", "1", "-reconnect_on_network_error", "1", "-reconnect_on_http_error", "5xx", "-reconnect_delay_max", "4",
            "-i", "https://acct.blob.core.windows.net/recordings/a.mp4?sv=1&sig=x",
            "-t", "18.600000", "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-profile:v", "high", "-pix_fmt", "yuv420p",
            "-r", "25", "-fps_mode", "cfr", "-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-ac", "2",
            "-movflags", "+faststart", "-tag:v", "avc1", "-f", "mp4", "clip.mp4",
        ], argv);
    }

    [Fact]
    public void Build_MetadataWithQuotesAndSpaces_StaysOneArgument()
    {
        var argv = new FfmpegArguments().Input("in.mp4").Output("out.mp4", o => o.Metadata("title", "Benoemen · 'Jij bent boos'; rm -rf /")).Build();
        Assert.Contains("title=Benoemen · 'Jij bent boos'; rm -rf /", argv);
    }

    [Fact]
    public void Build_WithoutInputOrOutput_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => new FfmpegArguments().Input("a").Build());

    [Fact]
    public void Time_IsInvariantWithMicroseconds() =>
        Assert.Equal("3723.500000", FfmpegArguments.Time(TimeSpan.FromSeconds(3723.5)));

    [Fact]
    public void CommandLine_QuotesAndRedactsSignaturesAndMetadataValues()
    {
        var line = CommandLine.Format("ffmpeg", ["-i", "http://127.0.0.1:10000/devstoreaccount1/r/a.mp4?sv=1&sig=SECRET%3D", "-metadata", "comment=Moeder's note", "-f", "mp4", "it's.mp4"]);
        Assert.Equal("ffmpeg -i 'http://127.0.0.1:10000/devstoreaccount1/r/a.mp4?REDACTED' -metadata comment=REDACTED -f mp4 'it'\\''s.mp4'", line);
        Assert.DoesNotContain("SECRET", line);
        Assert.DoesNotContain("Moeder", line);
    }
}
