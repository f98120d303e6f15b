using System.Text;
using Azure;
using BasicTrust.Storage.Blobs;

namespace BasicTrust.Storage.Tests.Blobs;

public class BlobClientTests
{
    [Fact]
    public async Task Upload_ThenDownload_RoundTripsContentAndType()
    {
        await using var c = await Azurite.NewContainerAsync();
        var blob = c.Blob("case-1/visit 2/session é.json");

        await blob.UploadAsync(BinaryData.FromString("{\"a\":1}"), new BlobUploadOptions { HttpHeaders = new() { ContentType = "application/json" } });

        Assert.Equal("{\"a\":1}", (await blob.DownloadContentAsync()).Value.ToString());
        var props = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal("application/json", props.ContentType);
        Assert.Equal(7, props.ContentLength);
        Assert.True((await blob.ExistsAsync()).Value);
        var absent = await c.Blob("absent").ExistsAsync();
        Assert.False(absent.Value);
        Assert.Equal(404, absent.GetRawResponse().Status);
    }

    [Fact]
    public async Task Metadata_NonAsciiAndPercentValues_RoundTrip()
    {
        await using var c = await Azurite.NewContainerAsync();
        var blob = c.Blob("m.bin");
        var metadata = new Dictionary<string, string> { ["titel"] = "Één café – Zeeuws-Vlaanderen", ["pct"] = "100% ok", ["i_"] = "x", ["i0"] = "y" };

        await blob.UploadAsync(BinaryData.FromString("x"), new BlobUploadOptions { Metadata = metadata });
        Assert.Equal(metadata, (await blob.GetPropertiesAsync()).Value.Metadata.ToDictionary());

        await blob.SetMetadataAsync(new Dictionary<string, string> { ["note"] = "zoë" });
        Assert.Equal("zoë", Assert.Single((await blob.GetPropertiesAsync()).Value.Metadata).Value);
    }

    [Fact]
    public async Task Metadata_InvalidName_IsRefusedBeforeSending()
    {
        await using var c = await Azurite.NewContainerAsync();
        var e = await Assert.ThrowsAsync<ArgumentException>(() => c.Blob("m").SetMetadataAsync(new Dictionary<string, string> { ["has-dash"] = "x" }));
        Assert.Contains("has-dash", e.Message);
    }

    [Fact]
    public async Task UploadIfNotExists_SecondWriterLoses()
    {
        await using var c = await Azurite.NewContainerAsync();
        var marker = c.Blob("done/clip-1");

        Assert.True(await marker.UploadIfNotExistsAsync(BinaryData.FromString("first")));
        Assert.False(await marker.UploadIfNotExistsAsync(BinaryData.FromString("second")));
        Assert.Equal("first", (await marker.DownloadContentAsync()).Value.ToString());
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
    public async Task DownloadStreaming_Ranges_ReturnExactlyTheRequestedBytes()
    {
        await using var c = await Azurite.NewContainerAsync();
        var data = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var blob = c.Blob("r.bin");
        await blob.UploadAsync(new BinaryData(data));

        Assert.Equal(data[100..150], (await blob.DownloadContentAsync(new HttpRange(100, 50))).Value.ToArray());
        Assert.Equal(data[999..], (await blob.DownloadContentAsync(new HttpRange(999, 1))).Value.ToArray());
        Assert.Equal(data[990..], (await blob.DownloadContentAsync(new HttpRange(990))).Value.ToArray());
        // An end past EOF is clamped.
        Assert.Equal(data[995..], (await blob.DownloadContentAsync(new HttpRange(995, 100))).Value.ToArray());
        using var streaming = (await blob.DownloadStreamingAsync(new HttpRange(10, 5))).Value;
        Assert.Equal(1000, streaming.Details.ContentLength);
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DownloadContentAsync(new HttpRange(2000, 10)));
        Assert.Equal(416, e.Status);
    }

    [Fact]
    public async Task Download_MissingBlob_Throws404WithErrorCode()
    {
        await using var c = await Azurite.NewContainerAsync();
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => c.Blob("nope").DownloadContentAsync());
        Assert.Equal(404, e.Status);
        Assert.Equal("BlobNotFound", e.ErrorCode);
    }

    [Fact]
    public async Task DeleteIfExists_ReportsWhetherThereWasABlob()
    {
        await using var c = await Azurite.NewContainerAsync();
        await c.Blob("d").UploadAsync(BinaryData.FromString("x"));
        Assert.True(await c.Blob("d").DeleteIfExistsAsync());
        Assert.False(await c.Blob("d").DeleteIfExistsAsync());
    }

    [Fact]
    public async Task AppendBlob_AppendsInOrderAndCreateIsIdempotent()
    {
        await using var c = await Azurite.NewContainerAsync();
        var log = c.Client.GetAppendBlobClient("audit/2026-11.log");

        Assert.True(await log.CreateIfNotExistsAsync());
        await log.AppendBlockAsync(BinaryData.FromString("one\n"));
        Assert.False(await log.CreateIfNotExistsAsync());
        await log.AppendBlockAsync(BinaryData.FromString("two\n"));

        Assert.Equal("one\ntwo\n", (await log.DownloadContentAsync()).Value.ToString());
        Assert.Equal("AppendBlob", (await log.GetPropertiesAsync()).Value.BlobType);
    }

    [Fact]
    public async Task Lease_GuardsWritesUntilReleased()
    {
        await using var c = await Azurite.NewContainerAsync();
        var blob = c.Blob("leased");
        await blob.UploadAsync(BinaryData.FromString("v1"));
        var lease = blob.GetBlobLeaseClient();

        await lease.AcquireAsync(TimeSpan.FromSeconds(15));
        var other = await Assert.ThrowsAsync<RequestFailedException>(() => blob.GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal(409, other.Status);
        var noLease = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("v2")));
        Assert.Equal(412, noLease.Status);
        await blob.UploadAsync(BinaryData.FromString("v2"), new BlobUploadOptions { Conditions = new() { LeaseId = lease.LeaseId } });
        await lease.RenewAsync();
        Assert.Equal("leased", (await blob.GetPropertiesAsync()).Value.LeaseState);
        await lease.ReleaseAsync();

        await blob.UploadAsync(BinaryData.FromString("v3"));
        Assert.Equal("v3", (await blob.DownloadContentAsync()).Value.ToString());
    }

    [Fact]
    public async Task Request_AfterAzuriteClosedTheIdleConnection_Succeeds()
    {
        await using var c = await Azurite.NewContainerAsync();
        await c.Blob("a").UploadAsync(BinaryData.FromString("x"));
        await Task.Delay(TimeSpan.FromSeconds(6)); // Azurite drops idle keep-alive connections after 5 s.
        Assert.Equal("x", (await c.Blob("a").DownloadContentAsync()).Value.ToString());
    }
}
