using BasicTrust.Media.Clips;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Sources;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace BasicTrust.Media.Tests;

/// <summary>FFmpeg reading a recording straight from the Azurite that ./test.sh starts, through a read-only SAS URL.</summary>
public class SasUrlInputTests
{
    static string ConnectionString =>
        Environment.GetEnvironmentVariable("BASICTRUST_STORAGE")
        ?? throw new InvalidOperationException("BASICTRUST_STORAGE is not set: run the tests with ./test.sh, which starts Azurite.");

    [Fact]
    public async Task Precise_FromSasUrl_CutsTheRequestedFrames()
    {
        using var media = new TestMedia();
        var container = new BlobServiceClient(ConnectionString).GetBlobContainerClient($"media-{Guid.NewGuid():N}");
        await container.CreateAsync();
        try
        {
            var blob = container.GetBlobClient("case-1/session-1/recording.mp4");
            await using (var file = File.OpenRead(await media.NumberedVideoAsync(extra: "-movflags +faststart")))
                await blob.UploadAsync(file);
            var url = blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(5)).ToString();

            var source = await MediaSource.OpenAsync(url, new MediaLimits());
            var output = media.PathOf("clip.mp4");
            await ClipCutter.CutPreciseAsync(source, new ClipRequest(TimeSpan.FromSeconds(2.2), TimeSpan.FromSeconds(3.0), "t", "c"), ClipEncoding.For(source.Info, 720), output);

            Assert.True(source.IsUrl);
            Assert.Equal(Enumerable.Range(55, 20), await media.FrameNumbersAsync(output));
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task Open_MissingBlob_SaysItCannotBeFetchedWithoutTheSignature()
    {
        var container = new BlobServiceClient(ConnectionString).GetBlobContainerClient("no-such-container");
        var url = container.GetBlobClient("recording.mp4").GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(5)).ToString();

        var e = await Assert.ThrowsAsync<UnsupportedMediaException>(() => MediaSource.OpenAsync(url, new MediaLimits()));
        Assert.Contains("cannot be fetched", e.Message);
        Assert.DoesNotContain("sig=", e.ToString());
    }
}
