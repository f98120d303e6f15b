using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using BasicTrust.Storage;

namespace BasicTrust.DevHost.Tests.Support;

/// <summary>
/// The Azurite that ./test.sh starts (BASICTRUST_STORAGE). The sample app's queue and container names are fixed, so
/// the tests that use them run one after another (collection "storage") and clear those names first.
/// </summary>
static class Azurite
{
    static readonly string[] Queues = ["clip-jobs", "clip-jobs-poison", "reel-jobs", "failed-jobs", "ticks", "webjobs-blobtrigger-poison", "conf-parallel-out", "azure-webjobs-blobtrigger-devhost-tests", "blob-events"];
    static readonly string[] Containers = ["recordings", "azure-webjobs-hosts", "conf-expr", "conf-parallel", "events", "eventgrid-deadletter"];

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("BASICTRUST_STORAGE")
        ?? throw new InvalidOperationException("BASICTRUST_STORAGE is not set: run the tests with ./test.sh, which starts Azurite.");

    public static BlobServiceClient Blobs => new(ConnectionString, StorageClientDefaults.Blobs());

    /// <summary>A queue client that base64-encodes, as the app's host.json says.</summary>
    public static QueueClient Queue(string name) => new(ConnectionString, name, StorageClientDefaults.Queues());

    public static async Task ResetAsync()
    {
        foreach (var queue in Queues) await new QueueClient(ConnectionString, queue).DeleteIfExistsAsync();
        foreach (var container in Containers) await Blobs.GetBlobContainerClient(container).DeleteIfExistsAsync();
    }

    /// <summary>Sends <paramref name="text"/> (base64-encoded) and returns the message's id.</summary>
    public static async Task<string> SendAsync(string queue, string text)
    {
        var client = Queue(queue);
        await client.CreateIfNotExistsAsync();
        return (await client.SendMessageAsync(text)).Value.MessageId;
    }

    /// <summary>
    /// Takes messages off <paramref name="queue"/> until <paramref name="count"/> satisfied <paramref name="match"/>
    /// (returned) or <paramref name="within"/> passed: tests that share a queue each look for their own messages.
    /// </summary>
    public static async Task<List<string>> ReceiveMatchingAsync(string queue, Func<string, bool> match, int count, TimeSpan within)
    {
        var matching = new List<string>();
        var deadline = DateTime.UtcNow + within;
        while (matching.Count < count && DateTime.UtcNow < deadline)
            matching.AddRange((await ReceiveAsync(queue, 1, deadline - DateTime.UtcNow)).Where(match));
        return matching;
    }

    /// <summary>Takes messages off <paramref name="queue"/> until <paramref name="count"/> arrived or <paramref name="within"/> passed.</summary>
    public static async Task<List<string>> ReceiveAsync(string queue, int count, TimeSpan within)
    {
        var client = Queue(queue);
        var received = new List<string>();
        var deadline = DateTime.UtcNow + within;
        while (received.Count < count && DateTime.UtcNow < deadline)
        {
            QueueMessage[] batch = await client.ExistsAsync() ? (await client.ReceiveMessagesAsync(32)).Value : [];
            foreach (var message in batch)
            {
                received.Add(message.Body.ToString());
                await client.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            if (batch.Length == 0) await Task.Delay(100);
        }
        return received;
    }

    /// <summary>The raw (still encoded) text of the messages waiting on <paramref name="queue"/>.</summary>
    public static async Task<List<string>> PeekRawAsync(string queue)
    {
        var client = new QueueClient(ConnectionString, queue);
        return await client.ExistsAsync() ? [.. (await client.PeekMessagesAsync(32)).Value.Select(m => Encoding.UTF8.GetString(m.Body.ToArray()))] : [];
    }
}
