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
