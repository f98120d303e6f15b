using System.Net;
using Azure;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace BasicTrust.Storage.Tests;

/// <summary>
/// The Azurite behaviours our clients meet, each handled by the SDK's retry policy with the settings of
/// <see cref="StorageClientDefaults"/>. Faults are injected in front of the real Azurite: the first N requests fail.
/// </summary>
public class StorageClientDefaultsTests
{
    static async Task<BlobClient> SeededBlobAsync(TestContainer c, FaultyHandler handler)
    {
        await c.Blob("b").UploadAsync(BinaryData.FromString("payload"));
        var options = StorageClientDefaults.Blobs();
        options.Transport = new HttpClientTransport(handler);
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        return Azurite.Service(options).GetBlobContainerClient(c.Client.Name).GetBlobClient("b");
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)] // Azurite answers some range reads so
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task RangeRead_TransientStatus_IsRetriedUntilItSucceeds(HttpStatusCode status)
    {
        await using var c = await Azurite.NewContainerAsync();
        var handler = new FaultyHandler(failures: 2, () => new HttpResponseMessage(status));
        var blob = await SeededBlobAsync(c, handler);

        var range = await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(1, 3) });

        Assert.Equal("ayl", range.Value.Content.ToString());
        Assert.Equal(3, handler.Attempts);
    }

    [Fact]
    public async Task ConnectionReset_IsRetried()
    {
        await using var c = await Azurite.NewContainerAsync();
        var handler = new FaultyHandler(failures: 2, () => throw new HttpRequestException("connection reset", new IOException("reset by peer")));
        var blob = await SeededBlobAsync(c, handler);

        await blob.UploadAsync(BinaryData.FromString("new"), overwrite: true);

        Assert.Equal(3, handler.Attempts);
        Assert.Equal("new", (await c.Blob("b").DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task RetryAfter_IsHonoured()
    {
        await using var c = await Azurite.NewContainerAsync();
        var handler = new FaultyHandler(failures: 1, () =>
        {
            var busy = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            busy.Headers.Add("Retry-After", "1");
            return busy;
        });
        var blob = await SeededBlobAsync(c, handler);

        var started = TimeProvider.System.GetTimestamp();
        await blob.DownloadContentAsync();

        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromSeconds(0.9), "the client should wait as long as Retry-After says");
    }

    [Fact]
    public async Task ClientError_FailsFastWithoutRetry()
    {
        await using var c = await Azurite.NewContainerAsync();
        var handler = new FaultyHandler(failures: 0, () => throw new InvalidOperationException());
        var blob = (await SeededBlobAsync(c, handler)).GetParentBlobContainerClient().GetBlobClient("missing");

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DownloadContentAsync());

        Assert.Equal(404, e.Status);
        Assert.Equal(1, handler.Attempts);
    }

    [Fact]
    public async Task Request_AfterAzuriteClosedTheIdleConnection_Succeeds()
    {
        await using var c = await Azurite.NewContainerAsync();
        await c.Blob("a").UploadAsync(BinaryData.FromString("x"));
        await Task.Delay(TimeSpan.FromSeconds(6)); // Azurite drops idle keep-alive connections after 5 s.
        Assert.Equal("x", (await c.Blob("a").DownloadContentAsync()).Value.Content.ToString());
    }

    sealed class FaultyHandler(int failures, Func<HttpResponseMessage> fail) : DelegatingHandler(new SocketsHttpHandler())
    {
        int _attempts;
        public int Attempts => _attempts;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _attempts) <= failures ? Task.FromResult(fail()) : base.SendAsync(request, cancellationToken);
    }
}
