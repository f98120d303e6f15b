using Azure;
using Azure.Storage.Blobs.Models;

namespace BasicTrust.Storage.Tests;

/// <summary>The conditional writes the pipeline's "exactly once" rests on: create-only markers and ETag-checked updates.</summary>
public class CreateOnlyWritesTests
{
    [Fact]
    public async Task UploadIfNotExists_SecondWriterLoses()
    {
        await using var c = await Azurite.NewContainerAsync();
        var marker = c.Blob("done/clip-1");

        Assert.True(await marker.UploadIfNotExistsAsync(BinaryData.FromString("first")));
        Assert.False(await marker.UploadIfNotExistsAsync(BinaryData.FromString("second")));
        Assert.Equal("first", (await marker.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task UploadIfNotExists_WhenTheAnswerToItsWriteIsLost_StillKnowsItWon()
    {
        await using var c = await Azurite.NewContainerAsync();
        var options = StorageClientDefaults.Blobs();
        options.Transport = new Azure.Core.Pipeline.HttpClientTransport(new LoseFirstAnswer());
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var marker = Azurite.Service(options).GetBlobContainerClient(c.Client.Name).GetBlobClient("reel-queued");

        // The write lands, its answer is lost, the SDK retries and meets the blob: it is this caller's.
        Assert.True(await marker.UploadIfNotExistsAsync(BinaryData.FromString("plan-1 nonce-a")));
        Assert.False(await c.Blob("reel-queued").UploadIfNotExistsAsync(BinaryData.FromString("plan-1 nonce-b")));
    }

    /// <summary>Lets the first request reach Azurite, then drops its answer as a reset connection would.</summary>
    sealed class LoseFirstAnswer() : DelegatingHandler(new SocketsHttpHandler())
    {
        int _requests;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Interlocked.Increment(ref _requests) > 1) return response;
            response.Dispose();
            throw new HttpRequestException("connection reset", new IOException("reset by peer"));
        }
    }

    [Fact]
    public async Task UploadIfNotExists_ManyConcurrentWriters_ExactlyOneWins()
    {
        await using var c = await Azurite.NewContainerAsync();
        var marker = c.Blob("reel-queued");

        var wins = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => marker.UploadIfNotExistsAsync(BinaryData.FromString($"{i}"))));

        Assert.Single(wins, won => won);
    }

    [Fact]
    public async Task Upload_IfMatch_SucceedsWithCurrentETagAndFailsWithStaleOne()
    {
        await using var c = await Azurite.NewContainerAsync();
        var blob = c.Blob("status.json");
        var first = (await blob.UploadAsync(BinaryData.FromString("1"))).Value.ETag;
        var second = (await blob.UploadAsync(BinaryData.FromString("2"), new BlobUploadOptions { Conditions = new() { IfMatch = first } })).Value.ETag;

        var e = await Assert.ThrowsAsync<RequestFailedException>(() =>
            blob.UploadAsync(BinaryData.FromString("3"), new BlobUploadOptions { Conditions = new() { IfMatch = first } }));
        Assert.Equal(412, e.Status);
        Assert.Equal("ConditionNotMet", e.ErrorCode);
        Assert.Equal(second, (await blob.GetPropertiesAsync()).Value.ETag);
    }

    [Fact]
    public async Task RangeRead_PinnedToAnOldETag_FailsOnceTheBlobIsReplaced()
    {
        await using var c = await Azurite.NewContainerAsync();
        var blob = c.Blob("recording.mp4");
        var version = (await blob.UploadAsync(BinaryData.FromString("0123456789"))).Value.ETag;
        var pinned = new BlobDownloadOptions { Range = new HttpRange(2, 3), Conditions = new BlobRequestConditions { IfMatch = version } };
        Assert.Equal("234", (await blob.DownloadContentAsync(pinned)).Value.Content.ToString());

        await blob.UploadAsync(BinaryData.FromString("abcdefghij"), overwrite: true);

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DownloadContentAsync(pinned));
        Assert.Equal(412, e.Status);
    }
}
