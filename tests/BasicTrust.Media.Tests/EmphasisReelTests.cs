using System.Security.Cryptography;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Planning;
using BasicTrust.Highlights.Time;
using BasicTrust.Media.Clips;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Indexing;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Reels;
using BasicTrust.Media.Sources;
using FFMpegCore;

namespace BasicTrust.Media.Tests;

/// <summary>A reel with a freeze and a slow-motion clip, planned and made as the pipeline does, measured frame by frame.</summary>
public class EmphasisReelTests
{
    // 25 fps, keyframes every second. Clip a: 1–4 s (frames 25–99) with a 1 s freeze of frame 55 (2.2 s); clip b: 5–7 s
    // (frames 125–174) slowed 0.5 s (13 frames) either side of frame 150 (6 s). No pre- or post-roll.
    const string Manifest = """
        {
          "schema": "basictrust.session/v1", "caseId": "fam-0042", "sessionId": "visit-3", "method": "basic-trust", "recording": "r.mp4",
          "tags": [
            { "id": "a", "start": 1, "end": 4, "label": "benoemen", "keyMoment": 2.2, "emphasis": "freeze", "emphasisSeconds": 1, "caption": "Kijk" },
            { "id": "b", "start": 5, "end": 7, "label": "spiegelen", "keyMoment": 6, "emphasis": "slow", "emphasisSeconds": 0.5 }
          ],
          "reel": { "order": "chronological", "preRoll": 0, "postRoll": 0, "quality": "precise" }
        }
        """;

    /// <summary>What the reel shows, source frame by source frame.</summary>
    static readonly int[] Expected =
    [
        .. Enumerable.Range(25, 31), .. Enumerable.Repeat(55, 25), .. Enumerable.Range(56, 44),
        .. Enumerable.Range(125, 12), .. Enumerable.Range(137, 26).SelectMany(f => new[] { f, f }), .. Enumerable.Range(163, 12),
    ];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reel_WithAFreezeAndSlowMotion_ShowsThemFrameExactWhereThePlanSays(bool smartCut)
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.NumberedVideoAsync(seconds: 8, size: "160x120", gop: 25), new MediaLimits());
        var cuts = await CutPlan.DecideAsync(source, ClipQuality.Precise, null, "superfast", media.Folder);
        var encoding = smartCut ? cuts.Encoding : cuts.Encoding with { Match = null };
        Assert.NotNull(cuts.Encoding.Match); // the recording allows smart cuts; the other case re-encodes every clip
        var grid = FrameGrid.Parse(encoding.FrameRate);
        var plan = SessionPlanner.Plan(ManifestReader.Read(Manifest).Manifest!, source.Info.Duration, "\"etag\"", grid).Plan!;

        var files = new List<string>();
        var hashes = new Dictionary<string, byte[]>();
        var runs = new List<string>();
        foreach (var clip in plan.Clips)
        {
            var file = media.PathOf($"{clip.ClipId}.mp4");
            var (_, method) = await ClipCutter.CutAsync(source, new ClipRequest(clip.In, clip.Out, "t", "c"), ClipQuality.Precise, encoding, cuts.Keyframes, file);
            Assert.Equal(smartCut ? CutMethod.SmartCut : CutMethod.ReEncode, method);
            hashes[file] = SHA256.HashData(await File.ReadAllBytesAsync(file));
            var version = media.PathOf($"{clip.ClipId}.reel.mp4");
            await EmphasisRenderer.RenderAsync(file, clip.Emphases, encoding, version, new ProcessRunOptions { CommandLineRan = runs.Add });
            files.Add(version);
        }
        var reel = media.PathOf("reel.mp4");
        await ReelAssembler.AssembleAsync(new ReelInput(files, "Sessie", plan.Chapters, plan.Cues, "nl"), reel);

        var frames = await media.FrameNumbersAsync(reel);
        Assert.Equal(Expected, frames);
        // A smart-cut clip keeps its copied GOPs around the freeze (a's first and last second); a re-encoded one has none.
        Assert.Equal(smartCut ? 2 : 0, runs.Count(r => r.Contains("-copyts", StringComparison.Ordinal)));
        // Where the plan says: a's held copies (1.24–2.24 s) right after frame 55's own showing, b's window doubled in 4.48–6.56 s.
        var (freeze, slow) = (plan.Emphases[0], plan.Emphases[1]);
        Assert.Equal((EmphasisKind.Freeze, 31, 56, TimeSpan.FromSeconds(2.2)), (freeze.Kind, FrameAt(freeze.Start), FrameAt(freeze.End), freeze.KeyMoment));
        Assert.Equal(Enumerable.Repeat(55, 26), frames.Skip(FrameAt(freeze.Start) - 1).Take(26));
        Assert.Equal(56, frames[FrameAt(freeze.End)]);
        Assert.Equal((EmphasisKind.Slow, 112, 164), (slow.Kind, FrameAt(slow.Start), FrameAt(slow.End)));
        Assert.Equal(Enumerable.Range(137, 26).SelectMany(f => new[] { f, f }), frames.Skip(FrameAt(slow.Start)).Take(52));
        // Chapters in the reel where reel.json puts them; the reel as long as planned.
        var analysis = await TestMedia.AnalyseAsync(reel);
        Assert.Equal(plan.Chapters.Select(c => (c.Start, c.End)), analysis.Chapters.Select(c => (c.Start, c.End)));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(4)], analysis.Chapters.Select(c => c.Start));
        Assert.Equal(TimeSpan.FromSeconds(176 / 25.0), plan.Duration);
        Assert.Equal(176 / 25.0, analysis.PrimaryVideoStream!.Duration.TotalSeconds, 3);
        // The sound pauses with the picture, and plays on around it.
        Assert.Equal(0, await PeakAsync(media, reel, freeze.Start + TimeSpan.FromSeconds(0.05), freeze.End - TimeSpan.FromSeconds(0.05)));
        Assert.True(await PeakAsync(media, reel, TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(0.9)) > 1000);
        Assert.True(await PeakAsync(media, reel, slow.Start + TimeSpan.FromSeconds(0.2), slow.End - TimeSpan.FromSeconds(0.2)) > 1000);
        // The clip files are as cut, and the reel's picture is one stream: every clip shares the first's parameter sets.
        foreach (var (file, hash) in hashes) Assert.Equal(hash, SHA256.HashData(await File.ReadAllBytesAsync(file)));
        var clipSets = (await ContainerIndex.ReadAsync(await MediaSource.OpenAsync(hashes.Keys.First(), new MediaLimits())))!.ParameterSets!;
        Assert.All(files, f => Assert.True(ContainerIndex.ReadAsync(new MediaSource(f, source.Info with { FormatName = "mov" })).Result!.ParameterSets!.SameAs(clipSets)));
    }

    static int FrameAt(TimeSpan reelTime) => (int)Math.Round(reelTime.TotalSeconds * 25);

    /// <summary>The loudest sample (16-bit) of the reel's sound from <paramref name="from"/> to <paramref name="to"/>.</summary>
    static async Task<int> PeakAsync(TestMedia media, string reel, TimeSpan from, TimeSpan to)
    {
        var raw = media.PathOf($"sound-{Guid.NewGuid():N}.raw");
        await FfmpegCommand.From(reel, i => i.WithStartTime(from)).ToFile(raw, o => o.WithDuration(to - from).WithCustomArgument("-map 0:a:0 -ac 1 -c:a pcm_s16le").ForceFormat("s16le")).RunAsync();
        var bytes = await File.ReadAllBytesAsync(raw);
        return Enumerable.Range(0, bytes.Length / 2).Max(i => Math.Abs((int)BitConverter.ToInt16(bytes, i * 2)));
    }

    [Fact]
    public async Task Freeze_OnTheClipsLastFrame_HoldsItToTheEnd()
    {
        using var media = new TestMedia();
        var source = await MediaSource.OpenAsync(await media.NumberedVideoAsync(seconds: 3, size: "160x120"), new MediaLimits());
        var encoding = ClipEncoding.For(source.Info, null);
        var clip = media.PathOf("clip.mp4");
        await ClipCutter.CutPreciseAsync(source, new ClipRequest(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), "t", "c"), encoding, clip);
        var version = media.PathOf("clip.reel.mp4");

        await EmphasisRenderer.RenderAsync(clip, [new ClipEmphasis("a", EmphasisKind.Freeze, TimeSpan.FromSeconds(1.96), 24, 1, 10)], encoding, version);

        Assert.Equal([.. Enumerable.Range(25, 25), .. Enumerable.Repeat(49, 10)], await media.FrameNumbersAsync(version));
        var analysis = await TestMedia.AnalyseAsync(version);
        Assert.Equal((1.4, 1.4), (analysis.PrimaryVideoStream!.Duration.TotalSeconds, analysis.PrimaryAudioStream!.Duration.TotalSeconds));
        await ReelAssembler.VerifyAsync(version);
    }
}
