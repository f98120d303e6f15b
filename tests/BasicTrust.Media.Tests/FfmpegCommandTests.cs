using System.Text.RegularExpressions;
using BasicTrust.Highlights.Planning;
using BasicTrust.Media.Clips;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Reels;
using BasicTrust.Media.Sources;
using FFMpegCore;

namespace BasicTrust.Media.Tests;

/// <summary>Golden tests of the argument strings we build with FFMpegCore: no binary needed.</summary>
public partial class FfmpegCommandTests
{
    static readonly MediaSource Local = new("/rec/a.mp4", Info(audio: true));
    static readonly ClipEncoding Encoding = new(1280, 720, "30000/1001");
    static readonly ClipRequest Clip = new(TimeSpan.FromSeconds(72.4), TimeSpan.FromSeconds(91), "Benoemen", "strength");
    const string Start = "-hide_banner -loglevel error";

    [Fact]
    public void Precise_SeeksBeforeTheInputAndTakesTitlesFromAMetadataInput()
    {
        Assert.Equal(
            $"{Start} -f mov -protocol_whitelist file -ss 00:01:12.400 -i \"/rec/a.mp4\" -i \"{{metadata}}\" -map_metadata 1 " +
            "-t 00:00:18.600 -map 0:v:0 -map 0:a:0 -vf \"scale=1280:720:flags=bilinear, setsar=1, fps=30000/1001\" -r 30000/1001 -fps_mode cfr " +
            "-c:v libx264 -preset superfast -crf 23 -profile:v high -pix_fmt yuv420p -c:a aac -b:a 128k -ar 48000 -ac 2 " +
            "-map_chapters -1 -map_metadata:s:v -1 -map_metadata:s:a -1 -movflags faststart -tag:v avc1 -f mp4 -movie_timescale 120000 \"/out/clip.mp4\" -y",
            Text(ClipCutter.PreciseCommand(Local, Clip, Encoding, "/out/clip.mp4")));
    }

    [Fact]
    public void Precise_SilentSourceOverALink_GetsGeneratedSilenceAndNetworkOptions()
    {
        var source = new MediaSource("http://127.0.0.1:5000/0123abcd/recording.mp4", Info(audio: false));
        Assert.StartsWith(
            $"{Start} -f mov -protocol_whitelist http,https,tcp,tls " +
            "-reconnect 1 -reconnect_on_network_error 1 -reconnect_on_http_error 5xx -reconnect_delay_max 4 -recv_buffer_size 65536 " +
            "-ss 00:01:12.400 -i \"http://127.0.0.1:5000/0123abcd/recording.mp4\" -f lavfi -i \"anullsrc=r=48000:cl=stereo\" -i \"{metadata}\" -map_metadata 2 " +
            "-t 00:00:18.600 -map 0:v:0 -map 1:a:0 -vf ",
            Text(ClipCutter.PreciseCommand(source, Clip, Encoding, "/out/clip.mp4")));
    }

    [Fact]
    public void Draft_SeeksJustPastTheKeyframeAndCopies()
    {
        // A keyframe at 1.0333333 s (frame 31 at 30 fps) printed as 1.033333: the seek goes to the next whole millisecond.
        Assert.Equal(
            $"{Start} -f mov -protocol_whitelist file -ss 00:00:01.034 -i \"/rec/a.mp4\" -i \"{{metadata}}\" -map_metadata 1 " +
            "-t 00:00:02.950 -map 0:v:0 -map 0:a:0? -c copy -avoid_negative_ts make_zero -map_chapters -1 -map_metadata:s:v -1 -map_metadata:s:a -1 " +
            "-movflags faststart -f mp4 \"/out/draft.mp4\" -y",
            Text(ClipCutter.DraftCommand(Local, Clip, TimeSpan.FromSeconds(1.033333), TimeSpan.FromSeconds(4), "/out/draft.mp4")));
    }

    [Fact]
    public void Still_SeeksTwoFramesEarlyAndKeepsTheLastFrameStartingByTheMoment() =>
        // 2.6 s at 30 fps: from 2.533 s (whole milliseconds), frames starting by 0.067 s after that, reading stops a frame later.
        Assert.Equal(
            $"{Start} -f mov -protocol_whitelist file -ss 00:00:02.533 -i \"/rec/a.mp4\" -map 0:v:0 " +
            "-vf \"trim=end=0.100333, select=lte(t\\,0.067001), scale=1280:720, setsar=1\" -fps_mode passthrough " +
            "-map_metadata -1 -map_chapters -1 -q:v 3 -c:v mjpeg -f image2 -update 1 \"/out/still.jpg\" -y",
            Text(Still.Command(Local, TimeSpan.FromSeconds(2.6), Encoding, "/out/still.jpg")));

    [Fact]
    public void Reel_JoinsByCopyWithChaptersFromTheMetadataFileAndCopiesOurCaptionTrack() =>
        Assert.Equal(
            $"{Start} -f concat -safe 0 -protocol_whitelist file -i \"/w/clips.ffconcat\" -f ffmetadata -protocol_whitelist file -i \"/w/chapters.ffmeta\" " +
            "-f mov -protocol_whitelist file -i \"/w/captions.mp4\" -map 0:v:0 -map 0:a:0 -map_metadata 1 -map_chapters 1 -c copy " +
            "-map 2:s:0 -metadata:s:s:0 \"language=dut\" -movflags faststart -tag:v avc1 -f mp4 \"/w/reel.mp4\" -y",
            Text(ReelAssembler.Command("/w/clips.ffconcat", "/w/chapters.ffmeta", "/w/captions.mp4", "nl", "/w/reel.mp4")));

    [Theory]
    [InlineData(1199.9, 1199.0)]   // near the end: a second before it, in case the sound runs on after the last picture
    [InlineData(1300, 1199.0)]     // past the end
    [InlineData(0.05, 0)]          // never before the start
    [InlineData(10.01, 9.943)]     // two frames at 30 fps, in whole milliseconds
    public void Still_SeekStart_CoversTheLastFrameAtAndPastTheEnd(double at, double expected) =>
        Assert.Equal(TimeSpan.FromSeconds(expected), Still.SeekFrom(Local.Info, TimeSpan.FromSeconds(at)));

    [Fact]
    public void Verify_DecodesEverythingToNullAndStopsAtTheFirstError() =>
        Assert.Equal($"{Start} -f mov -protocol_whitelist file -xerror -i \"/w/reel.mp4\" -map 0:v -map 0:a? -f null -",
            Text(ReelAssembler.VerifyCommand("/w/reel.mp4")));

    [Fact]
    public void Probe_AllowsOnlyTheAcceptedDemuxersAndTheProtocolsTheSourceNeeds()
    {
        Assert.Equal("-loglevel warning -protocol_whitelist file -format_whitelist mov,matroska,avi", MediaProbe.Arguments("/rec/a.mp4"));
        Assert.Equal("-loglevel warning -protocol_whitelist http,https,tcp,tls -format_whitelist mov,matroska,avi", MediaProbe.Arguments("https://acct/r/a.mp4?sig=x"));
        Assert.Equal("-f mov -protocol_whitelist file -select_streams v:0 -read_intervals 1.520000%+#1",
            MediaProbe.PacketArguments(Local.ProbeArguments(), $"{MediaProbe.Seconds(TimeSpan.FromSeconds(1.52))}%+#1"));
    }

    [Fact]
    public void Seconds_AreInvariantWithMicroseconds() =>
        Assert.Equal("3723.500000", MediaProbe.Seconds(TimeSpan.FromSeconds(3723.5)));

    [Theory]
    [InlineData("/tmp/a\".mp4")]
    [InlineData("C:\\clips\\")]
    public void PathThatWouldChangeTheArgumentSplit_IsRefused(string path) =>
        Assert.Throws<ArgumentException>(() => FfmpegCommand.From(path));

    [Fact]
    public async Task Run_CommandNotStartedThroughTheAdapter_IsRefused() =>
        await Assert.ThrowsAsync<InvalidOperationException>(() => FFMpegArguments.FromFileInput("/rec/a.mp4", false).OutputToFile("/out/x.mp4").RunAsync());

    [Fact]
    public void CommandLine_RedactsSignaturesAndMetadataValues()
    {
        var line = CommandLine.Format("ffmpeg", "-i \"http://127.0.0.1:10000/devstoreaccount1/r/a.mp4?sv=1&sig=SECRET%3D\" -metadata \"comment=Moeder's note\" -metadata:s:s:0 \"language=dut\" \"it's.mp4\" -y");
        Assert.Equal("ffmpeg -i \"http://127.0.0.1:10000/devstoreaccount1/r/a.mp4?REDACTED\" -metadata \"comment=REDACTED\" -metadata:s:s:0 \"language=REDACTED\" \"it's.mp4\" -y", line);
    }

    [Fact]
    public void Tail_IsBoundedRedactedAndWithoutStatisticsOrMetadataListings()
    {
        string[] stderr = [.. Enumerable.Range(0, 100).Select(i => $"line {i}"), "frame=  10 fps=0.0 q=-1.0 size=0kB time=00:00:00.40",
            "    comment         : Moeder belt om 9 uur", "http://127.0.0.1:10000/a.mp4?sig=SECRET: Server returned 403 Forbidden", new string('x', 5000)];
        var tail = CommandLine.Tail(stderr);
        Assert.Equal(20, tail.Split('\n').Length);
        Assert.DoesNotContain("frame=", tail);
        Assert.DoesNotContain("Moeder", tail);
        Assert.DoesNotContain("SECRET", tail);
        Assert.Contains("    comment         : REDACTED", tail);
        Assert.Contains("Server returned 403", tail);
        Assert.True(tail.Length < 2000);
    }

    /// <summary>FFMpegCore's argument string with its randomly named metadata file replaced by <c>{metadata}</c>.</summary>
    static string Text(FFMpegArgumentProcessor command) => MetadataFile().Replace(command.Arguments, "{metadata}");

    [GeneratedRegex(@"[^""]*metadata_[0-9a-f-]{36}\.txt")]
    private static partial Regex MetadataFile();

    static MediaInfo Info(bool audio) => new()
    {
        FormatName = "mov,mp4,m4a,3gp,3g2,mj2",
        Duration = TimeSpan.FromMinutes(20),
        Video = new VideoStreamInfo("h264", "High", "yuv420p", 1920, 1080, 30, 30, 0),
        Audio = audio ? new AudioStreamInfo("aac", 2, "stereo", 48000) : null,
    };
}
