using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>The review queue read from the review index, which reels-ready, the reviewed mark, a purge and the sweep keep.</summary>
[Collection("pipeline")]
public class ReviewIndexTests(PipelineFixture stack)
{
    static string NewCase() => $"idx-{Guid.NewGuid():N}"[..20];

    async Task<string> ReadyAsync(string caseId, string manifest)
    {
        await stack.UploadAsync(caseId, "s-1", manifest, stack.Recording);
        var planId = (string)(await stack.WaitForStateAsync(caseId, "s-1", "ready"))["planId"]!;
        await stack.WaitForReviewRowAsync(caseId, "s-1", planId);
        return planId;
    }

    async Task<JsonArray> ReviewsAsync(string query = "")
    {
        using var api = stack.Api();
        using var response = await api.GetAsync("reviews" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    static JsonNode? Find(JsonArray items, string caseId) => items.FirstOrDefault(i => (string?)i!["caseId"] == caseId);

    [Fact]
    public async Task ReadySessionWithoutARow_IsAbsentUntilTheSweepBackfillsIt_ExactlyOnce()
    {
        var caseId = NewCase();
        var planId = await ReadyAsync(caseId, PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen")));
        var listed = Find(await ReviewsAsync(), caseId)!;
        Assert.Equal((planId, 1), ((string)listed["planId"]!, (int)listed["clips"]!));

        // A reel that was ready before the index existed: status.json says ready, the index has no row.
        await stack.Reviews.DeleteEntityAsync(caseId, "s-1");
        Assert.Equal("ready", (string?)(await stack.StatusAsync(caseId, "s-1"))!["state"]);
        Assert.Null(Find(await ReviewsAsync(), caseId));

        Assert.True(await stack.Host.FireTimerAsync("Sweep"));
        var row = (await stack.ReviewRowAsync(caseId, "s-1"))!;
        Assert.Equal(planId, row.PlanId);
        Assert.NotNull(Find(await ReviewsAsync(), caseId));
        Assert.True(await stack.Host.FireTimerAsync("Sweep"));
        Assert.Equal(row.ETag, (await stack.ReviewRowAsync(caseId, "s-1"))!.ETag);
    }

    [Fact]
    public async Task RedeliveredAndOutOfOrderMessages_KeepTheLatestPlanInOneRow()
    {
        var caseId = NewCase();
        var old = await ReadyAsync(caseId, PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen")));
        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen"), (6, 8, "spiegelen")));
        var latest = (string)(await stack.WaitForAsync(caseId, "s-1", s => (string?)s["state"] == "ready" && (string?)s["planId"] != old))["planId"]!;
        var row = await stack.WaitForReviewRowAsync(caseId, "s-1", latest);

        // The latest plan's message again (a redelivery), then the older plan's (late, out of order).
        foreach (var planId in new[] { latest, latest, old })
            await stack.SendAsync("reels-ready", $$"""{"caseId":"{{caseId}}","sessionId":"s-1","planId":"{{planId}}","nextSessionAt":null,"reel":"r","clips":[]}""");
        await stack.WaitUntilDrainedAsync("reels-ready");

        var rows = stack.Reviews.QueryAsync<IndexReadyReel.ReviewEntry>(r => r.PartitionKey == caseId);
        var only = Assert.Single(await rows.ToListAsync());
        Assert.Equal((latest, 2, row.ETag), (only.PlanId, only.Clips, only.ETag));
    }

    [Fact]
    public async Task Reviewed_TakesTheReelOffTheQueueInTheIndex_AndAPurgeRemovesTheRow()
    {
        var caseId = NewCase();
        var planId = await ReadyAsync(caseId, PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen")));
        using var api = stack.Api();
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"reels/{caseId}/s-1/reviewed", null)).StatusCode);
        var row = (await stack.ReviewRowAsync(caseId, "s-1"))!;
        Assert.Equal((planId, true), (row.PlanId, row.Reviewed));
        Assert.Null(Find(await ReviewsAsync(), caseId));

        using var officer = stack.Api(People.PrivacyOfficer);
        using var purge = await officer.DeleteAsync($"cases/{caseId}");
        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        Assert.Equal(1, (int)(await purge.Content.ReadFromJsonAsync<JsonNode>())!["removed"]!["reviews"]!);
        Assert.Null(await stack.ReviewRowAsync(caseId, "s-1"));
    }

    [Fact]
    public async Task Reviews_AreOrderedByNextSession_WithoutADateLast_AndFilteredByUntil()
    {
        string Dated(string caseId, string? nextSessionAt)
        {
            var manifest = JsonNode.Parse(PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen")))!.AsObject();
            if (nextSessionAt is null) manifest.Remove("nextSessionAt"); else manifest["nextSessionAt"] = nextSessionAt;
            return manifest.ToJsonString();
        }
        var (late, early, undated) = (NewCase(), NewCase(), NewCase());
        await Task.WhenAll(
            ReadyAsync(late, Dated(late, "2031-03-02T09:00:00+01:00")),
            ReadyAsync(early, Dated(early, "2031-03-01T09:00:00+01:00")),
            ReadyAsync(undated, Dated(undated, null)));

        var mine = new[] { late, early, undated };
        Assert.Equal([early, late, undated], (await ReviewsAsync()).Select(i => (string)i!["caseId"]!).Where(mine.Contains));
        Assert.Equal([early, undated], (await ReviewsAsync("?until=2031-03-01")).Select(i => (string)i!["caseId"]!).Where(mine.Contains));
        Assert.Equal([early, late, undated], (await ReviewsAsync("?until=9999-12-31")).Select(i => (string)i!["caseId"]!).Where(mine.Contains));
        using var api = stack.Api();
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("reviews?until=soon")).StatusCode);
    }
}
