using System.Net;
using Azure.Storage.Queues;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>Consent withdrawn while the pipeline is still working on the case: nothing of it survives the next sweep.</summary>
[Collection("pipeline")]
public class PurgeTests(PipelineFixture stack)
{
    [Fact]
    public async Task PurgeDuringCutting_LeavesNothingOfTheCaseAfterTheSweep_AndCreatesNoQueue()
    {
        var caseId = $"purge-{Guid.NewGuid():N}"[..20];
        // A message the host moved to a poison queue's own poison queue: a purge must reach it too.
        var poisonOfPoison = new QueueClient(stack.ConnectionString, "clip-jobs-poison-poison");
        await poisonOfPoison.CreateIfNotExistsAsync();
        await poisonOfPoison.SendMessageAsync($$"""{"caseId":"{{caseId}}","sessionId":"s-1","planId":"0123456789ab","clipId":"0123456789ab-01"}""");
        // The host's own poison message about the case's manifest names the case only by the blob's path.
        var blobPoison = new QueueClient(stack.ConnectionString, "webjobs-blobtrigger-poison-poison");
        await blobPoison.CreateIfNotExistsAsync();
        await blobPoison.SendMessageAsync($$"""{"Type":"BlobTrigger","FunctionId":"Host.Functions.PlanSession","BlobType":"BlockBlob","ContainerName":"recordings","BlobName":"{{caseId}}/s-1/session.json","ETag":"\"0x8D\""}""");
        var queuesBefore = await QueueNamesAsync();

        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (1, 5, "benoemen"), (6, 10, "spiegelen")), stack.Recording);
        await stack.WaitForAsync(caseId, "s-1", s => (string?)s["state"] is "planned" or "cutting");
        using var api = stack.Api(People.PrivacyOfficer);
        using (var purge = await api.DeleteAsync($"cases/{caseId}")) Assert.Equal(HttpStatusCode.OK, purge.StatusCode);

        await stack.WaitUntilDrainedAsync("clip-jobs");
        await stack.WaitUntilDrainedAsync("reel-jobs");
        Assert.True(await stack.Host.FireTimerAsync("Sweep"));

        foreach (var container in SessionKey.Containers)
            Assert.Empty(await stack.BlobsAsync(container, caseId + "/"));
        Assert.DoesNotContain((await poisonOfPoison.PeekMessagesAsync(32)).Value, m => m.MessageText.Contains(caseId, StringComparison.Ordinal));
        Assert.DoesNotContain((await blobPoison.PeekMessagesAsync(32)).Value, m => m.MessageText.Contains(caseId, StringComparison.Ordinal));
        // Poison queues are the host's to create, on demand: a purge makes none.
        Assert.DoesNotContain((await QueueNamesAsync()).Except(queuesBefore), name => name.Contains("poison", StringComparison.Ordinal));
    }

    async Task<List<string>> QueueNamesAsync()
    {
        var names = new List<string>();
        await foreach (var queue in new QueueServiceClient(stack.ConnectionString).GetQueuesAsync()) names.Add(queue.Name);
        return names;
    }
}
