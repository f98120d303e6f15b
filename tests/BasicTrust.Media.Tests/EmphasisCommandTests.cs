using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Planning;
using BasicTrust.Highlights.Time;
using BasicTrust.Media.Clips;
using BasicTrust.Media.Indexing;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Reels;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Tests;

/// <summary>How an emphasised clip is split into parts and the arguments and filters of its runs: no binary needed.</summary>
public class EmphasisCommandTests
{
    const string Start = "-hide_banner -loglevel error";
    static readonly FrameGrid Ntsc = FrameGrid.Parse("30000/1001");

    /// <summary>A clip of 90 frames at 30000/1001 with keyframes at frames 0, 30 and 60, as its MP4 index says.</summary>
    static readonly KeyframeIndex Clip = new(30000, [0, 30030, 60060], 0, 1001, 90, false);

    static readonly MediaSource ClipFile = new("/w/clip.mp4", new MediaInfo
    {
        FormatName = "mov,mp4,m4a,3gp,3g2,mj2",
        Duration = TimeSpan.FromSeconds(3.003),
        Video = new VideoStreamInfo("h264", "High", "yuv420p", 1280, 720, 29.97, 29.97, 0),
        Audio = new AudioStreamInfo("aac", 2, "stereo", 48000),
    });

    static ClipEmphasis Freeze(int frame, int added = 60) => new("a", EmphasisKind.Freeze, TimeSpan.Zero, frame, 1, added);
    static ClipEmphasis Slow(int from, int count) => new("b", EmphasisKind.Slow, TimeSpan.Zero, from, count, count);

    static string Parts(params ClipEmphasis[] emphases) => string.Join(' ', EmphasisPart.Split([0, 30, 60], 90, emphases)
        .Select(p => $"{(p.Copy ? "copy:" : "")}{p.From}-{p.To}+{p.Shift}"));

    [Fact]
    public void Split_EncodesOnlyTheGopOfAFreeze_AndShiftsWhatFollows() => Assert.Equal("copy:0-30+0 30-60+0 copy:60-90+60", Parts(Freeze(40)));

    [Fact]
    public void Split_SlowWindowAcrossAKeyframe_EncodesBothGops() => Assert.Equal("0-60+0 copy:60-90+10", Parts(Slow(25, 10)));

    [Fact]
    public void Split_FreezeOnTheLastFrameOfAGop_EncodesThatGopOnly() => Assert.Equal("copy:0-30+0 30-60+0 copy:60-90+60", Parts(Freeze(59)));

    [Fact]
    public void Split_TwoEmphasesInOneGop_AreOneEncodedPart() => Assert.Equal("copy:0-30+0 30-60+0 copy:60-90+72", Parts(Freeze(31, 12), Slow(40, 10), Freeze(50, 50)));

    [Fact]
    public void Split_EmphasisAtTheEnd_HasNothingAfterIt() => Assert.Equal("copy:0-60+0 60-90+0", Parts(Freeze(89)));

    [Fact]
    public void Split_ReEncodedClipWithOneKeyframe_IsEncodedWhole() =>
        Assert.Equal("0-90+0", string.Join(' ', EmphasisPart.Split([0], 90, [Freeze(40)]).Select(p => $"{p.From}-{p.To}+{p.Shift}")));

    [Fact]
    public void Timestamps_ShiftTheFramesAfterAFreezeAndSpreadASlowWindow() =>
        Assert.Equal("(42+N+60*gt(N,10)+clip(N-15,0,10))*1001/(30000*TB)",
            EmphasisFilters.Timestamps(new EmphasisPart(30, 60, [Freeze(40), Slow(45, 10)], 12), Ntsc));

    [Fact]
    public void Sound_PausesForAFreezeAndPlaysTheWindowAtHalfSpeed_ToTheSample()
    {
        // Frame 41 starts at 1.368033 s (sample 65665.6, rounded); 60 frames are 2.002 s; the window is frames 70–80, played in twice its time.
        Assert.Equal(
            "[0:a]aresample=48000,asplit=4[r0][r1][r2][r3];" +
            "[r0]atrim=start_sample=0:end_sample=65666,asetpts=PTS-STARTPTS[s0];" +
            "anullsrc=r=48000:cl=stereo,atrim=end_sample=96096[s1];" +
            "[r1]atrim=start_sample=65666:end_sample=112112,asetpts=PTS-STARTPTS[s2];" +
            "[r2]atrim=start_sample=112112:end_sample=128128,asetpts=PTS-STARTPTS,atempo=0.5,apad=whole_len=32032,atrim=end_sample=32032[s3];" +
            "[r3]atrim=start_sample=128128,asetpts=PTS-STARTPTS[s4];" +
            "[s0][s1][s2][s3][s4]concat=n=5:v=0:a=1,apad=whole_len=256256,atrim=end_sample=256256[a]",
            EmphasisFilters.Sound([Slow(70, 10), Freeze(40)], 90, Ntsc));
    }

    [Fact]
    public void Copy_FirstPart_KeepsTheClipsTimesLaterByTheLead() =>
        Assert.Equal(
            $"{Start} -f mov -protocol_whitelist file -copyts -i \"/w/clip.mp4\" -map 0:v:0 -output_ts_offset 1.000000 -frames:v 30 " +
            "-f mpegts -muxdelay 0 -muxpreload 0 -c copy \"/w/0.ts\" -y",
            EmphasisCommands.Copy(ClipFile, Clip, 2, new EmphasisPart(0, 30, [], 0), "/w/0.ts").Arguments);

    [Fact]
    public void Copy_LaterPart_SeeksBeforeItsKeyframeAndShowsLaterByWhatWasAdded() =>
        // Frame 60 starts at 2.002 s; the copy drops packets decoded before frame 57 (1.9019 s) and adds the 60 frames (2.002 s).
        Assert.Equal(
            $"{Start} -f mov -protocol_whitelist file -ss 00:00:01.985 -copyts -i \"/w/clip.mp4\" -map 0:v:0 -ss 1.901900 -output_ts_offset 4.903900 " +
            "-frames:v 30 -f mpegts -muxdelay 0 -muxpreload 0 -c copy \"/w/2.ts\" -y",
            EmphasisCommands.Copy(ClipFile, Clip, 2, new EmphasisPart(60, 90, [], 60), "/w/2.ts").Arguments);

    [Fact]
    public void Encode_ReEncodedPlan_UsesTheClipsX264Settings() =>
        Assert.Equal(
            $"{Start} -f mov -protocol_whitelist file -ss 00:00:00.984 -i \"/w/clip.mp4\" -map 0:v:0 " +
            "-vf \"setpts=(30+N+60*gt(N\\,10))*1001/(30000*TB), tpad=stop=-1:stop_mode=clone, fps=30000/1001\" -fps_mode passthrough " +
            "-c:v libx264 -preset superfast -crf 23 -profile:v high -pix_fmt yuv420p -output_ts_offset 1.000000 -frames:v 90 " +
            "-f mpegts -muxdelay 0 -muxpreload 0 \"/w/1.ts\" -y",
            EmphasisCommands.Encode(ClipFile, Clip, new ClipEncoding(1280, 720, "30000/1001"), new EmphasisPart(30, 60, [Freeze(40)], 0), "/w/1.ts").Arguments);

    [Fact]
    public void Join_CopiesThePartsAndTheSound_AtTheClipsTimescale() =>
        Assert.Equal(
            $"{Start} -f mpegts -protocol_whitelist concat,file -i \"concat:/w/0.ts|/w/1.ts\" -f mp4 -protocol_whitelist file -i \"/w/sound.m4a\" " +
            "-map 0:v:0 -map 1:a:0 -c copy -map_metadata -1 -map_chapters -1 -movflags faststart -tag:v avc1 -f mp4 -movie_timescale 120000 " +
            "-video_track_timescale 30000 \"/w/reel.mp4\" -y",
            EmphasisCommands.Join(["/w/0.ts", "/w/1.ts"], "/w/sound.m4a", 30000, "/w/reel.mp4").Arguments);
}
