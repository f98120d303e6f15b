using Azure.Storage.Blobs;

namespace BasicTrust.DevHost.Tests.Integration;

/// <summary>Blob triggers: one firing per blob version, receipts that survive a restart, the SDK-type binding, poison.</summary>
[Collection("storage")]
public class BlobTriggerTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1.5);

    static async Task<BlobClient> UploadAsync(string caseId, string json)
    {
        var container = Azurite.Blobs.GetBlobContainerClient("recordings");
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient($"{caseId}/s1/session.json");
        await blob.UploadAsync(BinaryData.FromString(json), overwrite: true);
        return blob;
    }

    [Fact]
    public async Task NewBlob_FiresOncePerETag_EvenAcrossARestart()
    {
        await Azurite.ResetAsync();
        var caseId = "b" + Guid.NewGuid().ToString("N")[..8];
        await using (var host = await TestHost.StartAsync())
        {
            await UploadAsync(caseId, """{"clips":2}""");
            // The function read the blob through the BlobClient the worker built from ModelBindingData.
            var audit = await Azurite.ReceiveAsync($"audit-{caseId}", 1, Patience);
            Assert.True(audit.Count == 1, host.Log.ToString());
            Assert.Equal($"planned 2 from {caseId}/s1/session.json", audit[0]);
            Assert.Equal(2, (await Azurite.ReceiveAsync("reel-jobs", 2, Patience)).Count);
            await Task.Delay(Quiet);
        }
        await using (var again = await TestHost.StartAsync())
        {
            await Task.Delay(Quiet);
            Assert.Empty(await Azurite.ReceiveAsync($"audit-{caseId}", 1, TimeSpan.Zero));

            await UploadAsync(caseId, """{"clips":1}"""); // a new version fires again
            Assert.Single(await Azurite.ReceiveAsync($"audit-{caseId}", 1, Patience));
        }
    }

    [Fact]
    public async Task FailingBlob_AfterPoisonBlobThreshold_GoesToThePoisonQueue()
    {
        await Azurite.ResetAsync();
        var caseId = "p" + Guid.NewGuid().ToString("N")[..8];
        await using var host = await TestHost.StartAsync();

        await UploadAsync(caseId, """{"fail":true}""");
        var poison = await Azurite.ReceiveAsync("webjobs-blobtrigger-poison", 1, Patience);

        Assert.True(poison.Count == 1, host.Log.ToString());
        Assert.Contains($"\"BlobName\":\"{caseId}/s1/session.json\"", poison[0]);
        Assert.Equal(2, host.Log.Lines.Count(l => l.Contains("Executed PlanSession", StringComparison.Ordinal) && l.Contains("Failed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task BlobClientTrigger_WithAnExpressionInItsFirstOutput_GetsTheContent_AndFailsAsInAzure()
    {
        await Azurite.ResetAsync();
        var caseId = "e" + Guid.NewGuid().ToString("N")[..8];
        var sent = new System.Collections.Concurrent.ConcurrentQueue<BasicTrust.DevHost.Rpc.InvocationRequest>();
        await using var host = await TestHost.StartAsync(transcript: (direction, message) =>
        {
            if (direction == "host->worker" && message.InvocationRequest is { } request) sent.Enqueue(request.Clone());
        });
        var container = Azurite.Blobs.GetBlobContainerClient("conf-expr");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{caseId}/item.json").UploadAsync(BinaryData.FromString("""{"note":"content"}"""));

        var failed = await host.Log.WaitForAsync(l => l.Contains("Executed ConfBlobClientWithExpression (", StringComparison.Ordinal), Patience);

        Assert.True(failed is not null, host.Log.ToString());
        Assert.Contains("Failed", failed);
        Assert.Contains("BlobClient", failed);
        var function = host.Host.Functions.Single(f => f.Name == "ConfBlobClientWithExpression").Id;
        var value = sent.First(r => r.FunctionId == function).InputData.Single().Data;
        Assert.Equal("""{"note":"content"}""", value.String);
    }

    [Fact]
    public async Task MaxDegreeOfParallelism_BlobsRunThatManyAtOnce_NeverMore()
    {
        await Azurite.ResetAsync();
        using var app = Repository.SampleAppWith(h => h["extensions"]!["blobs"]!["maxDegreeOfParallelism"] = 2);
        var container = Azurite.Blobs.GetBlobContainerClient("conf-parallel");
        await container.CreateIfNotExistsAsync();
        // Each waits until two run at once (or two did before): one at a time never gets there, three at once shows 3.
        foreach (var name in (string[])["a", "b", "c"]) await container.GetBlobClient(name).UploadAsync(BinaryData.FromString("2"));
        await using var host = await TestHost.StartAsync(app.Path);

        var peaks = await Azurite.ReceiveAsync("conf-parallel-out", 3, TimeSpan.FromSeconds(60));

        Assert.True(peaks.Count == 3, host.Log.ToString());
        Assert.Equal("2", peaks.Max());
    }
}
