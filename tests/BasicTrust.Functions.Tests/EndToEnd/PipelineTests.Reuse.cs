using System.Net;
using System.Text.Json.Nodes;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>
/// The second round: a new plan takes over the last one's probe and cut decision, copies every clip whose identity did
/// not change and cuts only the rest.
/// </summary>
public partial class PipelineTests
{
    [Fact]
    public async Task MovedMoment_CutsOnlyThatClip_CopiesTheOthersByteForByte_AndAPurgeRemovesTheCopies()
    {
        var caseId = NewCase();
        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (1, 3, "benoemen"), (5, 7, "spiegelen"), (9, 10.5, "benoemen")), stack.Recording);
        var first = (string)(await stack.WaitForStateAsync(caseId, "s-1", "ready"))["planId"]!;

        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (1, 3, "benoemen"), (5, 6.5, "spiegelen"), (9, 10.5, "benoemen")));
        var second = (string)(await stack.WaitForAsync(caseId, "s-1", s => (string?)s["state"] == "ready" && (string?)s["planId"] != first))["planId"]!;

        // The same recording at the same settings: the last plan's cut decision holds, so no trial encode ran for this one.
        var (firstPlan, secondPlan) = (await JsonAsync("pipeline", $"{caseId}/s-1/{first}/plan.json"), await JsonAsync("pipeline", $"{caseId}/s-1/{second}/plan.json"));
        Assert.Null(firstPlan["cutsFrom"]);
        Assert.Equal(first, (string?)secondPlan["cutsFrom"]);
        foreach (var same in new[] { "media", "encoding", "cutReason" })
            Assert.Equal(firstPlan[same]!.ToJsonString(), secondPlan[same]!.ToJsonString());
        Assert.Equal((await JsonAsync("pipeline", $"{caseId}/s-1/{first}/keyframes.json")).ToJsonString(), (await JsonAsync("pipeline", $"{caseId}/s-1/{second}/keyframes.json")).ToJsonString());

        var reusedFrom = new Dictionary<string, string?>();
        foreach (var n in new[] { "01", "02", "03" })
            reusedFrom[$"{second}-{n}"] = (string?)(await JsonAsync("clips", $"{caseId}/s-1/{second}/{second}-{n}.json"))["reusedFrom"];
        Assert.Equal(new Dictionary<string, string?> { [$"{second}-01"] = $"{first}-01", [$"{second}-02"] = null, [$"{second}-03"] = $"{first}-03" }, reusedFrom);
        foreach (var (n, from) in new[] { ("01", "01"), ("03", "03") })
        {
            Assert.Equal(await BytesAsync($"{caseId}/s-1/{first}/{first}-{from}.mp4"), await BytesAsync($"{caseId}/s-1/{second}/{second}-{n}.mp4"));
            Assert.Equal(await BytesAsync($"{caseId}/s-1/{first}/{first}-{from}.jpg"), await BytesAsync($"{caseId}/s-1/{second}/{second}-{n}.jpg"));
            Assert.Equal(await BytesAsync($"{caseId}/s-1/{first}/{first}-{from}.small.jpg"), await BytesAsync($"{caseId}/s-1/{second}/{second}-{n}.small.jpg"));
        }
        Assert.NotEqual(await BytesAsync($"{caseId}/s-1/{first}/{first}-02.mp4"), await BytesAsync($"{caseId}/s-1/{second}/{second}-02.mp4"));
        Assert.Single(await stack.BlobsAsync("reels", $"{caseId}/s-1/{second}/reel.mp4"));

        // Other settings (drafts): the decision is made again, and no clip is taken over.
        var draft = JsonNode.Parse(PipelineFixture.Manifest(caseId, "s-1", (1, 3, "benoemen"), (5, 6.5, "spiegelen"), (9, 10.5, "benoemen")))!;
        draft["reel"]!["quality"] = "draft";
        await stack.UploadAsync(caseId, "s-1", draft.ToJsonString());
        var third = (string)(await stack.WaitForAsync(caseId, "s-1", s => (string?)s["state"] == "ready" && (string?)s["planId"] != second))["planId"]!;
        Assert.Null((await JsonAsync("pipeline", $"{caseId}/s-1/{third}/plan.json"))["cutsFrom"]);
        foreach (var n in new[] { "01", "02", "03" })
            Assert.Null((await JsonAsync("clips", $"{caseId}/s-1/{third}/{third}-{n}.json"))["reusedFrom"]);

        using var api = stack.Api(People.PrivacyOfficer);
        using (var purge = await api.DeleteAsync($"cases/{caseId}")) Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        foreach (var container in SessionKey.Containers)
            Assert.Empty(await stack.BlobsAsync(container, caseId + "/"));
    }

    async Task<byte[]> BytesAsync(string name) =>
        (await stack.Blobs.GetBlobContainerClient("clips").GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray();
}
