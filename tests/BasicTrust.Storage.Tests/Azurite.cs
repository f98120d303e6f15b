using BasicTrust.Storage.Blobs;
using BasicTrust.Storage.Queues;

namespace BasicTrust.Storage.Tests;

/// <summary>
/// The Azurite that ./test.sh starts (its connection string is in BASICTRUST_STORAGE). Each test gets
/// its own container or queue, named uniquely, and removes it afterwards.
/// </summary>
static class Azurite
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("BASICTRUST_STORAGE")
        ?? throw new InvalidOperationException("BASICTRUST_STORAGE is not set: run the tests with ./test.sh, which starts Azurite.");

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];

    public static async Task<TestContainer> NewContainerAsync(StorageClientOptions? options = null)
    {
        var container = new BlobServiceClient(ConnectionString, options).GetBlobContainerClient(UniqueName("t"));
        await container.CreateAsync();
        return new TestContainer(container);
    }

    public static async Task<TestQueue> NewQueueAsync(QueueMessageEncoding encoding = QueueMessageEncoding.None)
    {
        var queue = new QueueClient(ConnectionString, UniqueName("q"), new QueueClientOptions { MessageEncoding = encoding });
        await queue.CreateIfNotExistsAsync();
        return new TestQueue(queue);
    }
}

sealed class TestContainer(BlobContainerClient client) : IAsyncDisposable
{
    public BlobContainerClient Client { get; } = client;
    public BlobClient Blob(string name) => Client.GetBlobClient(name);
    public ValueTask DisposeAsync() => new(Client.DeleteIfExistsAsync());
}

sealed class TestQueue(QueueClient client) : IAsyncDisposable
{
    public QueueClient Client { get; } = client;
    public ValueTask DisposeAsync() => new(Client.DeleteIfExistsAsync());
}
