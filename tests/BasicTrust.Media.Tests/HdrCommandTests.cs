using BasicTrust.Media.Clips;
using BasicTrust.Media.Hdr;
using BasicTrust.Media.Previews;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Sources;
using System.Text.RegularExpressions;
using FFMpegCore;

namespace BasicTrust.Media.Tests;

/// <summary>Golden tests of the HDR conversion's arguments (an SDR recording's are in <see cref="FfmpegCommandTests"/>, unchanged).</summary>
public partial class HdrCommandTests
{
    static readonly ClipEncoding Encoding = new(1280, 720, "30000/1001");
    const string Start = "-hide_banner -loglevel error";
    const string HlgToSdr = "zscale=tin=arib-std-b67:pin=bt2020:min=bt2020nc:t=linear:npl=203, format=gbrpf32le, zscale=p=bt709, " +
        "tonemap=mobius:param=0.6:peak=4.926108:desat=0, zscale=t=bt709, format=gbrp16le";

    [Fact]
    public void Precise_HdrSource_IsToneMappedAfterScalingAndTaggedBt709()
    {
        var clip = new ClipRequest(TimeSpan.FromSeconds(72.4), TimeSpan.FromSeconds(91), "Benoemen", "strength");
        Assert.Equal(
            $"{Start} -f mov -protocol_whitelist file -ss 00:01:12.400 -i \"/rec/IMG_0042.mov\" -i \"{{metadata}}\" -map_metadata 1 " +
            $"-t 00:00:18.600 -map 0:v:0 -map 0:a:0 -vf \"scale=1280:720:flags=bilinear, {HlgToSdr}, zscale=m=bt709:r=tv, format=yuv420p, setsar=1, fps=30000/1001\" " +
            "-r 30000/1001 -fps_mode cfr -c:v libx264 -preset superfast -crf 23 -profile:v high -pix_fmt yuv420p -color_primaries bt709 -color_trc bt709 -colorspace bt709 " +
            "-c:a aac -b:a 128k -ar 48000 -ac 2 -map_chapters -1 -map_metadata:s:v -1 -map_metadata:s:a -1 -movflags faststart -tag:v avc1 -f mp4 -movie_timescale 120000 \"/out/clip.mp4\" -y",
            Text(ClipCutter.PreciseCommand(Phone(HdrTransfer.Hlg), clip, Encoding, "/out/clip.mp4")));
    }

    [Fact]
    public void Still_HdrSource_IsConvertedTheSameWayIntoJpegsOwnMatrixAndRange() =>
        Assert.Equal(
            $"{Start} -f mov -protocol_whitelist file -ss 00:00:02.533 -i \"/rec/IMG_0042.mov\" -map 0:v:0 " +
            $"-vf \"trim=end=0.100333, select=lte(t\\,0.067001), scale=1280:720, {HlgToSdr}, zscale=m=bt470bg:r=full, format=yuvj420p, setsar=1\" -fps_mode passthrough " +
            "-map_metadata -1 -map_chapters -1 -q:v 3 -c:v mjpeg -f image2 -update 1 \"/out/still.jpg\" -y",
            Text(Still.Command(Phone(HdrTransfer.Hlg), TimeSpan.FromSeconds(2.6), Encoding, "/out/still.jpg")));

    [Fact]
    public void Preview_HdrSource_IsToneMappedAfterScalingAndTaggedBt709() =>
        Assert.Equal(
            $"{Start} -f mov -protocol_whitelist file -i \"/rec/IMG_0042.mov\" -map 0:v:0 -map 0:a:0? -c:v libx264 -preset veryfast -crf 26 -profile:v high -pix_fmt yuv420p " +
            "-color_primaries bt709 -color_trc bt709 -colorspace bt709 " +
            "-vf \"scale=-2:min(720\\,trunc(ih/2)*2), zscale=tin=smpte2084:pin=bt2020:min=bt2020nc:t=linear:npl=203, format=gbrpf32le, zscale=p=bt709, " +
            "tonemap=mobius:param=0.6:peak=4.926108:desat=0, zscale=t=bt709, format=gbrp16le, zscale=m=bt709:r=tv, format=yuv420p\" -fps_mode passthrough " +
            "-c:a aac -b:a 128k -ar 48000 -ac 2 -map_metadata -1 -map_chapters -1 -map_metadata:s:v -1 -map_metadata:s:a -1 -movflags faststart -tag:v avc1 -f mp4 \"/out/preview.mp4\" -y",
            PreviewMaker.Command(Phone(HdrTransfer.Pq), PreviewNeed.Transcode, "/out/preview.mp4").Arguments);

    [Fact]
    public void PreviewSegment_LandsOnItsKeyframe_EndsBeforeTheNext_KeepsTheRecordingsTimes() =>
        Assert.Equal(
            $"{Start} -f mov -protocol_whitelist file -noaccurate_seek -ss 10.011000 -i \"/rec/IMG_0042.mov\" -map 0:v:0 -map 0:a:0? -copyts -c:v libx264 -preset veryfast -crf 26 -profile:v high -pix_fmt yuv420p -bf 0 " +
            "-color_primaries bt709 -color_trc bt709 -colorspace bt709 " +
            "-vf \"trim=end=20.019000, scale=-2:min(720\\,trunc(ih/2)*2), zscale=tin=smpte2084:pin=bt2020:min=bt2020nc:t=linear:npl=203, format=gbrpf32le, zscale=p=bt709, " +
            "tonemap=mobius:param=0.6:peak=4.926108:desat=0, zscale=t=bt709, format=gbrp16le, zscale=m=bt709:r=tv, format=yuv420p\" -fps_mode passthrough " +
            "-af atrim=start=10.010000:end=20.020000 -c:a aac -b:a 128k -ar 48000 -ac 2 -map_metadata -1 -map_chapters -1 -map_metadata:s:v -1 -map_metadata:s:a -1 -tag:v avc1 -f mp4 " +
            "-movflags frag_keyframe+empty_moov+default_base_moof+frag_discont+negative_cts_offsets \"/out/segment.mp4\" -y",
            PreviewMaker.SegmentCommand(Phone(HdrTransfer.Pq), new PreviewSegment(TimeSpan.FromSeconds(10.01), TimeSpan.FromSeconds(20.02)), last: false, "/out/segment.mp4").Arguments);

    [Theory]
    [InlineData(null, null, "pin=bt2020:min=bt2020nc")]            // untagged (a Dolby Vision base layer may be): BT.2020, as phones record
    [InlineData("bt709", "bt709", "pin=bt709:min=bt709")]          // HLG with BT.709 colours, as some cameras record
    [InlineData("smpte432", "gbr", "pin=bt2020:min=bt2020nc")]     // nothing else is passed on from the file
    public void ToneMap_NamesOnlyKnownPrimariesAndMatrices(string? primaries, string? matrix, string expected) =>
        Assert.Contains(expected, ToneMap.Filters(new HdrInfo(HdrTransfer.Hlg, primaries, matrix, 10), SdrTarget.Video)[0].Arguments);

    static MediaSource Phone(HdrTransfer transfer) => new("/rec/IMG_0042.mov", new MediaInfo
    {
        FormatName = "mov,mp4,m4a,3gp,3g2,mj2",
        Duration = TimeSpan.FromMinutes(20),
        Video = new VideoStreamInfo("hevc", "Main 10", "yuv420p10le", 3840, 2160, 30, 30, 0) { Hdr = new HdrInfo(transfer, "bt2020", "bt2020nc", 10) },
        Audio = new AudioStreamInfo("aac", 2, "stereo", 48000),
    });

    /// <summary>FFMpegCore's argument string with its randomly named metadata file replaced by <c>{metadata}</c>.</summary>
    static string Text(FFMpegArgumentProcessor command) => MetadataFile().Replace(command.Arguments, "{metadata}");

    [GeneratedRegex(@"[^""]*metadata_[0-9a-f-]{36}\.txt")]
    private static partial Regex MetadataFile();
}
