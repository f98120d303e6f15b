using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Indexing;
using BasicTrust.Media.Previews;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Sources;
using FFMpegCore.Enums;

namespace BasicTrust.Media.Tests;

public class PreviewSegmentTests
{
    static KeyframeIndex Index(params double[] seconds) => new(1000, [.. seconds.Select(s => (long)(s * 1000))], 0, 40, 0, OpenGop: false);

    [Fact]
    public void Split_StartsEachWindowAtTheFirstKeyframeAfterTheLength_TheLastRunsToTheEnd() =>
        Assert.Equal(
            [new(TimeSpan.Zero, TimeSpan.FromSeconds(12)), new(TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(21)), new(TimeSpan.FromSeconds(21), TimeSpan.FromSeconds(25.5))],
            PreviewSegment.Split(Index(0, 4, 8, 12, 16, 21, 24), TimeSpan.FromSeconds(25.5), TimeSpan.FromSeconds(9)));

    [Fact]
    public void Split_WithoutAnIndexOrWithOpenGops_IsOneWindow()
    {
        var duration = TimeSpan.FromSeconds(30);
        Assert.Equal([new(TimeSpan.Zero, duration)], PreviewSegment.Split(null, duration, TimeSpan.FromSeconds(10)));
        Assert.Equal([new(TimeSpan.Zero, duration)], PreviewSegment.Split(Index(0, 10, 20) with { OpenGop = true }, duration, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Segments_OfAnHevcRecording_JoinFrameForFrame_WithTheRecordingsTimestamps()
    {
        using var media = new TestMedia();
        var numbered = await media.NumberedVideoAsync("numbered.mp4", seconds: 5);
        var hevc = media.PathOf("numbered-hevc.mov");
        // As a phone records: HEVC with a closed GOP of a second.
        await FfmpegCommand.From(numbered).ToFile(hevc, o => o.WithVideoCodec("libx265")
            .WithCustomArgument("-x265-params log-level=error:crf=18:keyint=25:min-keyint=25:scenecut=0:open-gop=0 -pix_fmt yuv420p -tag:v hvc1").WithAudioCodec(AudioCodec.Aac)).RunAsync();
        var source = await MediaSource.OpenAsync(hevc, new MediaLimits());
        var index = await ContainerIndex.ReadAsync(source);
        var segments = PreviewSegment.Split(index?.Keyframes, source.Info.Duration, TimeSpan.FromSeconds(1));
        Assert.Equal(5, segments.Count);

        // Each made on its own (as parallel jobs do), then appended one after the other, as the page's player does.
        var joined = media.PathOf("joined.mp4");
        await using (var output = File.Create(joined))
            for (var i = 0; i < segments.Count; i++)
            {
                var piece = media.PathOf($"segment-{i}.mp4");
                await PreviewMaker.MakeSegmentAsync(source, segments[i], last: i == segments.Count - 1, piece);
                Assert.Equal(segments[i].Start, (await FrameTimesAsync(piece))[0]);
                await using var input = File.OpenRead(piece);
                await input.CopyToAsync(output);
            }

        // Every frame once, in its place, across every join, at the recording's own time.
        Assert.Equal(await media.FrameNumbersAsync(hevc), await media.FrameNumbersAsync(joined));
        Assert.Equal(await FrameTimesAsync(hevc), await FrameTimesAsync(joined));
        var made = await MediaProbe.ProbeAsync(joined);
        Assert.Equal(("h264", "aac"), (made.Video.Codec, made.Audio?.Codec));
    }

    static async Task<IReadOnlyList<TimeSpan>> FrameTimesAsync(string video) =>
        [.. (await MediaProbe.VideoPacketsAsync(video, "", MediaProbe.Interval(TimeSpan.Zero, TimeSpan.FromHours(1)))).Select(p => p.Time).Order()];
}
