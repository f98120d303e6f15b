using BasicTrust.Highlights.Manifest;
using BasicTrust.Media.Clips;
using BasicTrust.Media.Reels;
using BasicTrust.Media.SmartCut;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Tests;

public class SmartCutTests
{
    static readonly MediaLimits Limits = new();

    // Re-encoded frames must look like the source's (x264 at the source's own CRF, 25 fps numbered blocks): a frame off by
    // one or a broken reference scores far lower.
    const double MinimumPsnr = 35;

    public static TheoryData<string, int, string, CutMethod> Sources => new()
    {
        { "gop-1s", 25, "", CutMethod.SmartCut },
        { "gop-2s", 50, "", CutMethod.SmartCut },
        // medium: CABAC, 3 B-frames in a pyramid, weighted prediction, 8x8 transforms.
        { "b-frames", 50, "-preset medium", CutMethod.SmartCut },
        // An open GOP's first B-frames need the GOP before: copying from its keyframe would break them. Fixed B-frame runs
        // and no scene cuts, so x264 really writes B-frames shown before each keyframe.
        { "open-gop", 50, "-preset medium -x264-params open-gop=1:scenecut=0:b-adapt=0", CutMethod.ReEncode },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Cut_KeepsTheSourcesFramesExactlyOverTheRange(string name, int gop, string extra, CutMethod expected)
    {
        using var media = new TestMedia();
        var recording = await media.NumberedVideoAsync($"{name}.mp4", gop: gop, extra: extra);
        var source = await MediaSource.OpenAsync(recording, Limits);
        var output = media.PathOf("clip.mp4");

        var (accuracy, method) = await CutAsync(source, Request(1.52, 4.28), output);

        Assert.Equal(expected, method);
        Assert.Equal(Enumerable.Range(38, 69), await media.FrameNumbersAsync(output)); // frames 38..106
        Assert.Equal((0, 0), (accuracy.InOffsetFrames, accuracy.OutOffsetFrames));
        await ReelAssembler.VerifyAsync(output); // decodes without an error, index first
        Assert.True(await media.LowestPsnrAsync(output, recording, 38, 69) >= MinimumPsnr);
    }

    [Fact]
    public async Task Cut_WritesTheSameContainerAsAReEncodedClip()
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.NumberedVideoAsync(), Limits);
        var output = media.PathOf("clip.mp4");

        await CutAsync(source, Request(0.5, 4.5, "Benoemen = 'ja'; #1"), output);

        var analysis = await TestMedia.AnalyseAsync(output);
        Assert.Equal(("h264", "avc1", 320, 240), (analysis.PrimaryVideoStream!.CodecName, analysis.PrimaryVideoStream.CodecTagString, analysis.PrimaryVideoStream.Width, analysis.PrimaryVideoStream.Height));
        Assert.Equal(("aac", 2, 48000), (analysis.PrimaryAudioStream!.CodecName, analysis.PrimaryAudioStream.Channels, analysis.PrimaryAudioStream.SampleRateHz));
        Assert.Equal("Benoemen = 'ja'; #1", analysis.Format.Tags?["title"]);
        Assert.InRange(analysis.Format.Duration.TotalSeconds, 3.95, 4.1);
    }

    [Fact]
    public async Task Cut_ShorterThanAGop_IsReEncodedWithTheMatchedSettings()
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.NumberedVideoAsync(), Limits);
        var output = media.PathOf("clip.mp4");

        var (_, method) = await CutAsync(source, Request(2.2, 3.0), output);

        Assert.Equal(CutMethod.ReEncode, method);
        Assert.Equal(Enumerable.Range(55, 20), await media.FrameNumbersAsync(output));
    }

    [Theory]
    [InlineData(38, 107, "38-50 copy:50-100 100-107")]
    [InlineData(50, 100, "copy:50-100")]
    [InlineData(55, 75, "55-75")]
    [InlineData(38, 99, "38-99")]
    [InlineData(0, 150, "copy:0-150")]
    public void Parts_EncodeOnlyUpToTheFirstAndFromTheLastKeyframe(int first, int end, string expected)
    {
        var parts = SmartCutter.Parts([0, 50, 100, 150], first, end);

        Assert.Equal(expected, string.Join(' ', parts.Select(p => $"{(p.Copy ? "copy:" : "")}{p.From}-{p.To}")));
    }

    /// <summary>As the pipeline does: one decision per plan, then the smart cut or, where unsafe, the re-encode.</summary>
    static async Task<(ClipAccuracy Accuracy, CutMethod Method)> CutAsync(MediaSource source, ClipRequest request, string output)
    {
        var plan = await CutPlan.DecideAsync(source, ClipQuality.Precise, null, "superfast", Path.GetDirectoryName(output)!);
        return await ClipCutter.CutAsync(source, request, ClipQuality.Precise, plan.Encoding, plan.Keyframes, output);
    }

    static ClipRequest Request(double from, double to, string title = "Benoemen") =>
        new(TimeSpan.FromSeconds(from), TimeSpan.FromSeconds(to), title, "strength");
}
