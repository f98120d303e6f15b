using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;

namespace BasicTrust.Storage.Tests;

/// <summary>
/// The Azurite that ./test.sh starts (its connection string is in BASICTRUST_STORAGE). Each test gets its own
/// container, named uniquely, and removes it afterwards.
/// </summary>
static class Azurite
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("BASICTRUST_STORAGE")
        ?? throw new InvalidOperationException("BASICTRUST_STORAGE is not set: run the tests with ./test.sh, which starts Azurite.");

    public static BlobServiceClient Service(BlobClientOptions? options = null) => new(ConnectionString, options ?? StorageClientDefaults.Blobs());

    public static async Task<TestContainer> NewContainerAsync()
    {
        var container = Service().GetBlobContainerClient($"t-{Guid.NewGuid():N}");
        await container.CreateAsync();
        return new TestContainer(container);
    }
}

sealed class TestContainer(BlobContainerClient client) : IAsyncDisposable
{
    public BlobContainerClient Client { get; } = client;
    public BlobClient Blob(string name) => Client.GetBlobClient(name);
    public async ValueTask DisposeAsync() => await Client.DeleteIfExistsAsync();
}

/// <summary>Counts requests whose URI query contains a fragment (a pure observer; it changes nothing).</summary>
public sealed class CountingPolicy(string queryFragment) : HttpPipelineSynchronousPolicy
{
    int _count;
    public int Count => _count;
    public override void OnSendingRequest(HttpMessage message)
    {
        if (message.Request.Uri.ToUri().Query.Contains(queryFragment, StringComparison.Ordinal)) Interlocked.Increment(ref _count);
    }

    /// <summary>Default client options with this policy added.</summary>
    public T AddTo<T>(T options) where T : ClientOptions
    {
        options.AddPolicy(this, HttpPipelinePosition.PerCall);
        return options;
    }
}
