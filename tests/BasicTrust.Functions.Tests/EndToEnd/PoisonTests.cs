namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>What reaches a poison queue fails only the plan it names, and only while that plan is in flight.</summary>
[Collection("pipeline")]
public class PoisonTests(PipelineFixture stack)
{
    [Fact]
    public async Task PoisonJobs_ForAReadyPlan_LeaveTheSessionReady()
    {
        var (caseId, planId) = await ReadySessionAsync();

        await stack.SendAsync("clip-jobs-poison", Job(caseId, planId, $"{planId}-01"));
        await stack.SendAsync("reel-jobs-poison", Job(caseId, planId, clipId: null));
        await stack.WaitUntilDrainedAsync("clip-jobs-poison");
        await stack.WaitUntilDrainedAsync("reel-jobs-poison");

        Assert.Equal("ready", (string?)(await stack.StatusAsync(caseId, "s-1"))!["state"]);
    }

    [Fact]
    public async Task PoisonJob_ForASessionWithoutStatus_CreatesNone()
    {
        var caseId = $"none-{Guid.NewGuid():N}"[..20];

        await stack.SendAsync("clip-jobs-poison", Job(caseId, "0123456789ab", "0123456789ab-01"));
        await stack.WaitUntilDrainedAsync("clip-jobs-poison");

        Assert.Null(await stack.StatusAsync(caseId, "s-1"));
    }

    [Fact]
    public async Task ClipJob_ForAClipNotInThePlan_IsDroppedAndNeverPoisoned()
    {
        var (caseId, planId) = await ReadySessionAsync();

        await stack.SendAsync("clip-jobs", Job(caseId, planId, $"{planId}-99"));
        await stack.WaitUntilDrainedAsync("clip-jobs");
        await stack.WaitUntilDrainedAsync("clip-jobs-poison");

        Assert.Equal("ready", (string?)(await stack.StatusAsync(caseId, "s-1"))!["state"]);
        Assert.Contains($"Clip {planId}-99 is not part of plan {planId}", stack.LogTail);
    }

    [Fact]
    public async Task ManifestTheHostGaveUpOn_FailsASessionWithoutAPlan_ButNotForAnOlderVersion()
    {
        var caseId = $"gaveup-{Guid.NewGuid():N}"[..20];
        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen"))); // no recording: fails
        await stack.WaitForStateAsync(caseId, "s-1", "failed");
        var manifest = stack.Blobs.GetBlobContainerClient("recordings").GetBlobClient($"{caseId}/s-1/session.json");
        var etag = (await manifest.GetPropertiesAsync()).Value.ETag.ToString();
        // As if every planning attempt had died before it could write a status.
        var statusBlob = stack.Blobs.GetBlobContainerClient("pipeline").GetBlobClient($"{caseId}/s-1/status.json");
        await statusBlob.DeleteAsync();

        await stack.SendAsync("webjobs-blobtrigger-poison", Poison(caseId, "\"0x0000000000000000\""));
        await stack.WaitUntilDrainedAsync("webjobs-blobtrigger-poison");
        Assert.Null(await stack.StatusAsync(caseId, "s-1")); // an older version of the manifest: a newer one may be under way

        await stack.SendAsync("webjobs-blobtrigger-poison", Poison(caseId, etag));
        var error = Assert.Single((await stack.WaitForStateAsync(caseId, "s-1", "failed"))["errors"]!.AsArray())!;
        Assert.Equal(("manifest", "planned"), ((string)error["path"]!, (string)error["rule"]!));
    }

    static string Poison(string caseId, string etag) => new System.Text.Json.Nodes.JsonObject
    {
        ["FunctionId"] = "Host.Functions.PlanSession", ["BlobType"] = "BlockBlob", ["ContainerName"] = "recordings",
        ["BlobName"] = $"{caseId}/s-1/session.json", ["ETag"] = etag,
    }.ToJsonString();

    async Task<(string CaseId, string PlanId)> ReadySessionAsync()
    {
        var caseId = $"poison-{Guid.NewGuid():N}"[..20];
        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen")), stack.Recording);
        return (caseId, (string)(await stack.WaitForStateAsync(caseId, "s-1", "ready"))["planId"]!);
    }

    static string Job(string caseId, string planId, string? clipId) =>
        clipId is null
            ? $$"""{"caseId":"{{caseId}}","sessionId":"s-1","planId":"{{planId}}"}"""
            : $$"""{"caseId":"{{caseId}}","sessionId":"s-1","planId":"{{planId}}","clipId":"{{clipId}}"}""";
}
