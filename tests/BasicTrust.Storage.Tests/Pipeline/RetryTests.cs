using System.Net;
using Azure;
using Azure.Core.Pipeline;
using BasicTrust.Storage.Blobs;

namespace BasicTrust.Storage.Tests.Pipeline;

/// <summary>Failures injected in front of the real Azurite: the first N requests fail, the rest pass through.</summary>
public class RetryTests
{
    static StorageClientOptions Options(FaultyHandler handler)
    {
        var options = new StorageClientOptions { Transport = new HttpClientTransport(handler) };
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        return options;
    }

    static async Task<BlobClient> SeededBlobAsync(TestContainer c, FaultyHandler handler)
    {
        await c.Blob("b").UploadAsync(BinaryData.FromString("payload"));
        return new BlobServiceClient(Azurite.ConnectionString, Options(handler)).GetBlobContainerClient(c.Client.Name).GetBlobClient("b");
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task TransientStatus_IsRetriedUntilItSucceeds(HttpStatusCode status)
    {
        await using var c = await Azurite.NewContainerAsync();
        var handler = new FaultyHandler(failures: 2, _ => new HttpResponseMessage(status));
        var blob = await SeededBlobAsync(c, handler);

        Assert.Equal("payload", (await blob.DownloadContentAsync()).Value.ToString());
        Assert.Equal(3, handler.Attempts);
    }

    [Fact]
    public async Task ConnectionReset_IsRetriedAndTheRetryIsSignedAfresh()
    {
        await using var c = await Azurite.NewContainerAsync();
        var handler = new FaultyHandler(failures: 2, _ => throw new HttpRequestException("connection reset", new IOException("reset by peer")));
        var blob = await SeededBlobAsync(c, handler);

        await blob.UploadAsync(BinaryData.FromString("new"));
        Assert.Equal(3, handler.Attempts);
        Assert.Equal("new", (await c.Blob("b").DownloadContentAsync()).Value.ToString());
    }

    [Fact]
    public async Task RetryAfter_IsHonoured()
    {
        await using var c = await Azurite.NewContainerAsync();
        var handler = new FaultyHandler(failures: 1, _ =>
        {
            var busy = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            busy.Headers.Add("Retry-After", "1");
            return busy;
        });
        var blob = await SeededBlobAsync(c, handler);

        var started = DateTime.UtcNow;
        await blob.DownloadContentAsync();
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the client should wait as long as Retry-After says");
    }

    [Fact]
    public async Task ClientErrors_FailFastWithoutRetry()
    {
        await using var c = await Azurite.NewContainerAsync();
        var handler = new FaultyHandler(failures: 0, _ => throw new InvalidOperationException());
        var blob = new BlobServiceClient(Azurite.ConnectionString, Options(handler)).GetBlobContainerClient(c.Client.Name).GetBlobClient("missing");

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DownloadContentAsync());
        Assert.Equal(404, e.Status);
        Assert.Equal(1, handler.Attempts);
    }

    [Fact]
    public async Task FeatureNotSupported_IsNotRetried()
    {
        await using var c = await Azurite.NewContainerAsync();
        var handler = new FaultyHandler(failures: 5, _ =>
        {
            var unsupported = new HttpResponseMessage(HttpStatusCode.InternalServerError);
            unsupported.Headers.Add("x-ms-error-code", "FeatureNotSupported");
            return unsupported;
        });
        var blob = await SeededBlobAsync(c, handler);

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DownloadContentAsync());
        Assert.Equal("FeatureNotSupported", e.ErrorCode);
        Assert.Equal(1, handler.Attempts);
    }

    sealed class FaultyHandler(int failures, Func<HttpRequestMessage, HttpResponseMessage> fail) : DelegatingHandler(new SocketsHttpHandler())
    {
        int _attempts;
        public int Attempts => _attempts;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _attempts) <= failures ? Task.FromResult(fail(request)) : base.SendAsync(request, cancellationToken);
    }
}
