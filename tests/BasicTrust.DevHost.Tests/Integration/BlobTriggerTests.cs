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
}
