using System.Net;
using System.Text.Json.Nodes;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary><c>GET /api/cases/{caseId}/sessions</c>: a case's sessions, read from their status.json documents.</summary>
[Collection("pipeline")]
public class SessionListTests(PipelineFixture stack)
{
    [Fact]
    public async Task CaseSessions_ListEachSessionWithAStatus_AndNothingElseUnderTheCase()
    {
        var caseId = $"list-{Guid.NewGuid():N}"[..20];
        await stack.CreateCaseAsync(caseId);
        using var api = stack.Api();
        Assert.Empty(await SessionsAsync(api, caseId));

        // A manifest without its recording fails at planning: a status, and no reel to review.
        await stack.UploadAsync(caseId, "s-2", PipelineFixture.Manifest(caseId, "s-2", (2, 4, "benoemen")));
        await stack.WaitForStateAsync(caseId, "s-2", "failed");
        // Names that are not a session's status of this case: passed over.
        var pipeline = stack.Blobs.GetBlobContainerClient("pipeline");
        var stray = $$"""{"caseId":"{{caseId}}-other","sessionId":"s-1","state":"failed"}""";
        foreach (var name in new[] { $"{caseId}/Not An Id/status.json", $"{caseId}/s-3/plan-1/status.json", $"{caseId}-other/s-1/status.json" })
            await pipeline.GetBlobClient(name).UploadAsync(BinaryData.FromString(stray), overwrite: true);

        var session = Assert.Single(await SessionsAsync(api, caseId))!;
        Assert.Equal(("s-2", "failed", 0), ((string)session["sessionId"]!, (string)session["state"]!, (int)session["clipsDone"]!));
        Assert.Null(session["decision"]);
        Assert.Null(session["comments"]);
        Assert.NotNull((DateTimeOffset?)session["updatedAt"]);
    }

    static async Task<JsonArray> SessionsAsync(HttpClient api, string caseId)
    {
        using var response = await api.GetAsync($"cases/{caseId}/sessions");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsArray();
    }
}
