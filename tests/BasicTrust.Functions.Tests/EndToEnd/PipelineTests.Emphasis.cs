using System.Globalization;
using System.Text.Json.Nodes;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>Emphases through the pipeline: planned, made in the reel only, and listed in reel.json.</summary>
public partial class PipelineTests
{
    [Fact]
    public async Task FreezeAndSlowMotion_LengthenTheReelWhereReelJsonSays_AndLeaveTheClipsAsCut()
    {
        var caseId = NewCase();
        var manifest = JsonNode.Parse(WithReel(PipelineFixture.Manifest(caseId, "s-1", (1, 3, "benoemen"), (6, 8.5, "spiegelen")), "resolution", "source"))!;
        manifest["reel"]!["preRoll"] = 0.4;
        manifest["reel"]!["postRoll"] = 0.4;
        manifest["tags"]![0]!["emphasis"] = "freeze";
        manifest["tags"]![1]!["emphasis"] = "slow";
        await stack.UploadAsync(caseId, "s-1", manifest.ToJsonString(), stack.Recording);

        var (plan, reel) = await ReadyPlanAsync(caseId);

        // Clips of 2.8 s (0.6–3.4) and 3.28 s (5.6–8.88: 8.9 s is no frame start at 25 fps, 8.88 the last one before it);
        // the freeze adds its 2 s, the slow window (1 s either side) its 2 s.
        var emphases = reel["emphases"]!.AsArray();
        Assert.Equal([("t1", "freeze", 2.0), ("t2", "slow", 4.0)],
            emphases.Select(e => ((string)e!["tagId"]!, (string)e["kind"]!, Math.Round((double)e["end"]! - (double)e["start"]!, 3))));
        Assert.Equal([(0.0, 4.8), (4.8, 10.08)], reel["chapters"]!.AsArray().Select(c => ((double)c!["start"]!, (double)c["end"]!)));
        Assert.Equal(10.08, (double)reel["duration"]!);
        Assert.Equal(2.0, (double)plan["clips"]![0]!["tags"]![0]!["emphasisSeconds"]!);

        var planId = (string)plan["planId"]!;
        var reelFile = Path.Combine(stack.Folder, $"{caseId}.mp4");
        await using (var file = File.Create(reelFile))
            await stack.Blobs.GetBlobContainerClient("reels").GetBlobClient($"{caseId}/s-1/{planId}/reel.mp4").DownloadToAsync(file);
        var chapterStarts = (await Probe(reelFile)).Split('\n').Where(l => l.StartsWith("start_time=", StringComparison.Ordinal))
            .Select(l => double.Parse(l["start_time=".Length..], CultureInfo.InvariantCulture));
        Assert.Equal([0.0, 4.8], chapterStarts);
        var clipFile = Path.Combine(stack.Folder, $"{caseId}-clip.mp4");
        await using (var file = File.Create(clipFile))
            await stack.Blobs.GetBlobContainerClient("clips").GetBlobClient($"{caseId}/s-1/{planId}/{(string)plan["clips"]![0]!["clipId"]!}.mp4").DownloadToAsync(file);
        Assert.Equal(2.8, (double)reel["clips"]![0]!["timing"]!["duration"]!);
        Assert.Equal(2.8, await DurationAsync(clipFile), 3); // the clip as cut, without its freeze
        Assert.Equal(10.08, await DurationAsync(reelFile), 3);
    }

    static Task<double> DurationAsync(string path) => Task.Run(() =>
    {
        var start = new System.Diagnostics.ProcessStartInfo("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=duration", "-of", "csv=p=0", path]) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        return double.Parse(process.StandardOutput.ReadToEnd().Trim(), CultureInfo.InvariantCulture);
    });
}
