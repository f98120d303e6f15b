using System.Text.Json.Nodes;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>Which way clips are cut: decided once per plan, written into plan.json and each clip's metadata.</summary>
public partial class PipelineTests
{
    [Fact]
    public async Task SourceResolution_X264Recording_IsSmartCutAndTheReelJoins()
    {
        var caseId = NewCase();
        await stack.UploadAsync(caseId, "s-1", WithReel(PipelineFixture.Manifest(caseId, "s-1", (1, 3.5, "benoemen"), (5, 8.2, "spiegelen")), "resolution", "source"), stack.Recording);

        var (plan, reel) = await ReadyPlanAsync(caseId);

        Assert.Equal("smart cut", (string?)plan["cutReason"]);
        foreach (var clip in reel["clips"]!.AsArray())
            Assert.Equal(("smart-cut", 0, 0), ((string?)clip!["cut"], (int)clip["timing"]!["inOffsetFrames"]!, (int)clip["timing"]!["outOffsetFrames"]!));
        Assert.Single(await stack.BlobsAsync("pipeline", $"{caseId}/s-1/{(string)plan["planId"]!}/keyframes.json"));
    }

    [Fact]
    public async Task HevcRecording_ReEncodesEveryClipAndSaysWhy()
    {
        var caseId = NewCase();
        var hevc = Path.Combine(stack.Folder, $"{caseId}-hevc.mp4");
        await Ffmpeg.RecordingAsync(hevc, seconds: 5, hevc: true);
        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (1, 3.5, "benoemen")), hevc);

        var (plan, reel) = await ReadyPlanAsync(caseId);

        Assert.Equal("re-encode: the source is hevc, not H.264", (string?)plan["cutReason"]);
        Assert.Equal(("re-encode", 0, 0), ((string?)reel["clips"]![0]!["cut"], (int)reel["clips"]![0]!["timing"]!["inOffsetFrames"]!, (int)reel["clips"]![0]!["timing"]!["outOffsetFrames"]!));
    }

    [Fact]
    public async Task Draft_CopiesFromTheIndexedKeyframes()
    {
        var caseId = NewCase();
        await stack.UploadAsync(caseId, "s-1", WithReel(PipelineFixture.Manifest(caseId, "s-1", (1.5, 3.5, "benoemen")), "quality", "draft"), stack.Recording);

        var (_, reel) = await ReadyPlanAsync(caseId);

        var clip = reel["clips"]![0]!;
        // 1.0..4.0 s with the pre- and post-roll; GOPs of 1 s: exactly on keyframes, as the index says.
        Assert.Equal(("stream-copy", 1.0, 4.0), ((string?)clip["cut"], (double)clip["timing"]!["actualIn"]!, (double)clip["timing"]!["actualOut"]!));
    }

    async Task<(JsonNode Plan, JsonNode Reel)> ReadyPlanAsync(string caseId)
    {
        var planId = (string)(await stack.WaitForStateAsync(caseId, "s-1", "ready"))["planId"]!;
        return (await JsonAsync("pipeline", $"{caseId}/s-1/{planId}/plan.json"), await JsonAsync("reels", $"{caseId}/s-1/{planId}/reel.json"));
    }

    async Task<JsonNode> JsonAsync(string container, string name) =>
        JsonNode.Parse((await stack.Blobs.GetBlobContainerClient(container).GetBlobClient(name).DownloadContentAsync()).Value.Content.ToString())!;

    static string WithReel(string manifest, string setting, string value)
    {
        var node = JsonNode.Parse(manifest)!;
        node["reel"]![setting] = value;
        return node.ToJsonString();
    }
}
