using BasicTrust.Media.Clips;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Indexing;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Tests;

public class ContainerIndexTests
{
    static readonly MediaLimits Limits = new();

    [Theory]
    [InlineData("in.mp4", "-g 25")]
    [InlineData("b-frames.mp4", "-preset medium -g 30")] // B-frames: composition offsets and an edit list
    [InlineData("in.mkv", "-g 25")]                       // Matroska Cues
    public async Task Read_KeyframesAreTheOnesAFullPacketPassFinds(string name, string extra)
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.VideoAsync(name, seconds: 3, extra: extra), Limits);

        var index = await ContainerIndex.ReadAsync(source);

        var packets = Packet.From(await Ffprobe.PacketsAsync(source.Location, "-select_streams v:0"));
        Assert.Equal(packets.Where(p => p.IsKeyframe).Select(p => Math.Round(p.Time.TotalSeconds, 3)).Order(),
            index!.Keyframes.Keyframes.Select(k => Math.Round(index.Keyframes.Time(k).TotalSeconds, 3)));
    }

    [Fact]
    public async Task Read_Mp4_GivesTheFrameGridAndTheParameterSets()
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.VideoAsync(seconds: 3, extra: "-preset medium"), Limits);

        var index = (await ContainerIndex.ReadAsync(source))!;

        Assert.Equal((75, TimeSpan.FromSeconds(0.04), false), (index.Keyframes.FrameCount, index.Keyframes.Time(index.Keyframes.FrameDuration), index.Keyframes.OpenGop));
        Assert.Equal((0x67, 0x68), (index.ParameterSets!.Sps[0], index.ParameterSets.Pps[0])); // SPS and PPS NAL headers
    }

    [Fact]
    public async Task Read_FragmentedMp4_HasNoIndex()
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.VideoAsync(extra: "-movflags +frag_keyframe+empty_moov+default_base_moof"), Limits);

        Assert.Null((await ContainerIndex.ReadAsync(source))?.Keyframes.Keyframes.Count > 1 ? "indexed" : null);
    }

    [Theory]
    [InlineData("numbered.mp4", 1.52, 3.28)]
    [InlineData("numbered.mkv", 1.52, 3.28)]
    [InlineData("numbered.mp4", 3.1, 6.0)] // to the recording's end
    public async Task Draft_AccuracyFromTheIndex_AgreesWithReadingTheClipBack(string name, double from, double to)
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.NumberedVideoAsync(name, gop: 25), Limits);
        var index = await ContainerIndex.ReadAsync(source);
        var output = media.PathOf("draft.mp4");
        var request = new ClipRequest(TimeSpan.FromSeconds(from), TimeSpan.FromSeconds(to), "Benoemen", "strength");

        var fromIndex = await ClipCutter.CutDraftAsync(source, request, output, index!.Keyframes);

        var readBack = await ClipCutter.MeasureAsync(output, request, fromIndex.ActualIn, 25, new ProcessRunOptions(), CancellationToken.None);
        Assert.Equal((readBack.InOffsetFrames, readBack.OutOffsetFrames), (fromIndex.InOffsetFrames, fromIndex.OutOffsetFrames));
    }
}
