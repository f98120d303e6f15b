using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using BasicTrust.Storage;
using BasicTrust.Testing;

namespace BasicTrust.DevHost.Tests.Integration;

/// <summary>
/// Storage goes away under a running DevHost and comes back on the same ports: every listener goes on. Reported
/// against an earlier DevHost, where one storage error while settling a message ended the queue listener for good.
/// </summary>
public class StorageRestartTests
{
    // Longer than the SDK's own retries (5, from 0.8 s doubling: up to about 30 s), so the errors reach the listeners.
    static readonly TimeSpan Downtime = TimeSpan.FromSeconds(33);

    [Fact]
    public async Task StorageKilledMidInvocationAndRestarted_ListenersGoOn_AndTheInFlightMessageIsDone()
    {
        await using var azurite = await OwnAzurite.StartAsync(Repository.Root);
        var connection = azurite.ConnectionString();
        await using var host = await TestHost.StartAsync(connectionString: connection);
        var jobs = new QueueClient(connection, "clip-jobs", StorageClientDefaults.Queues());
        await jobs.CreateIfNotExistsAsync();
        await jobs.SendMessageAsync("""{"CaseId":"k1","SessionId":"s1","Index":0,"DelayMs":12000}""");
        await WaitForLogAsync(host, "Executing CutClip");
        // Azurite saves its state every 5 s: past that, the message and its lease survive the kill.
        await Task.Delay(TimeSpan.FromSeconds(6));

        await azurite.KillAsync();
        await Task.Delay(Downtime);
        await azurite.StartAgainAsync();

        await jobs.SendMessageAsync("""{"CaseId":"k1","SessionId":"s1","Index":1}""");
        var recordings = new BlobServiceClient(connection, StorageClientDefaults.Blobs()).GetBlobContainerClient("recordings");
        await recordings.CreateIfNotExistsAsync();
        await recordings.GetBlobClient("k1/s2/session.json").UploadAsync(BinaryData.FromString("""{"clips":0}"""));

        var reels = await ReceiveAsync(new QueueClient(connection, "reel-jobs", StorageClientDefaults.Queues()), 2, TimeSpan.FromSeconds(60));
        Assert.True(reels.Any(r => r.Contains("\"Index\":0", StringComparison.Ordinal)) && reels.Any(r => r.Contains("\"Index\":1", StringComparison.Ordinal)),
            $"reel-jobs: [{string.Join(", ", reels)}]\n{host.Log}");
        Assert.NotEmpty(await ReceiveAsync(new QueueClient(connection, "audit-k1", StorageClientDefaults.Queues()), 1, TimeSpan.FromSeconds(30)));
        // The listeners dealt with the errors themselves; none had to be started again.
        Assert.DoesNotContain(host.Log.Lines, l => l.Contains("listener", StringComparison.OrdinalIgnoreCase) && l.Contains("stopped", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Log.Lines, l => l.Contains("listener failed", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Log.Lines, l => l.Contains("AccountKey", StringComparison.Ordinal) || l.Contains("sig=", StringComparison.Ordinal));
    }

    static async Task WaitForLogAsync(TestHost host, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!host.Log.Lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No '{text}' in the log:\n{host.Log}");
            await Task.Delay(50);
        }
    }

    static async Task<List<string>> ReceiveAsync(QueueClient queue, int count, TimeSpan within)
    {
        var received = new List<string>();
        var deadline = DateTime.UtcNow + within;
        while (received.Count < count && DateTime.UtcNow < deadline)
        {
            var batch = await queue.ExistsAsync() ? (await queue.ReceiveMessagesAsync(32)).Value : [];
            foreach (var message in batch)
            {
                received.Add(message.Body.ToString());
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            if (batch.Length == 0) await Task.Delay(200);
        }
        return received;
    }
}
