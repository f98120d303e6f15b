using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>What the web editor asks the API before a manifest is sent: a dry run of the plan, and tags from another tool's file.</summary>
[Collection("pipeline")]
public class EditorApiTests(PipelineFixture stack)
{
    [Fact]
    public async Task PlanDryRun_GivesTheClipsAndNamesEveryProblem_StoringNothing()
    {
        var caseId = $"edit-{Guid.NewGuid():N}"[..20];
        await stack.CreateCaseAsync(caseId);
        using var api = stack.Api();
        var manifest = PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen"), (4.2, 6, "spiegelen"), (9, 10, "benomen"));

        using var response = await api.PostAsync($"sessions/{caseId}/s-1/plan?duration=12", new StringContent(manifest, Encoding.UTF8, "application/json"));
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((bool)result["valid"]!);
        Assert.Contains(result["errors"]!.AsArray(), e => (string?)e!["path"] == "tags[2].label" && ((string?)e["message"])!.Contains("benoemen", StringComparison.Ordinal));
        Assert.Empty(await stack.BlobsAsync("recordings", caseId + "/"));

        var fixedManifest = manifest.Replace("benomen", "benoemen", StringComparison.Ordinal);
        var plan = JsonNode.Parse(await (await api.PostAsync($"sessions/{caseId}/s-1/plan?duration=12", new StringContent(fixedManifest, Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync())!;
        Assert.True((bool)plan["valid"]!);
        // Pre- and post-roll of 0.5 s join the first two tags into one clip.
        Assert.Equal(2, plan["clips"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync($"sessions/{caseId}/s-1/plan", new StringContent(fixedManifest))).StatusCode);
        using var other = stack.Api(People.TherapistB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"sessions/{caseId}/s-1/plan?duration=12", new StringContent(fixedManifest))).StatusCode);
    }

    [Fact]
    public async Task Import_TurnsACsvIntoManifestTags_AndSaysWhatIsWrongWithABadOne()
    {
        using var api = stack.Api();
        using var csv = await api.PostAsync("import/csv", new StringContent("start,end,label,caption\n00:02,4.5,benoemen,\"Jij bent boos, hè?\"\n", Encoding.UTF8, "text/csv"));
        var tag = JsonNode.Parse(await csv.Content.ReadAsStringAsync())!["tags"]![0]!;
        Assert.Equal(("00:02", 4.5, "benoemen", "Jij bent boos, hè?"), ((string)tag["start"]!, (double)tag["end"]!, (string)tag["label"]!, (string)tag["caption"]!));

        using var bad = await api.PostAsync("import/csv", new StringContent("start,end\n1,2\n"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'label'", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync("import/xlsx", new StringContent("x"))).StatusCode);
        using var reviewer = stack.Api(People.Reviewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync("import/csv", new StringContent("start,end,label\n1,2,benoemen\n"))).StatusCode);
    }
}
