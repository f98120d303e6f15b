using Azure;
using BasicTrust.Storage.Blobs;
using BasicTrust.Storage.Sas;

namespace BasicTrust.Storage.Tests.Sas;

public class SasAccessTests
{
    static DateTimeOffset InMinutes(int minutes) => DateTimeOffset.UtcNow.AddMinutes(minutes);

    [Fact]
    public async Task ReadSas_AllowsReadingThatBlobOnly()
    {
        await using var c = await Azurite.NewContainerAsync();
        await c.Blob("reel.mp4").UploadAsync(BinaryData.FromString("reel"));
        await c.Blob("other.mp4").UploadAsync(BinaryData.FromString("other"));
        var sas = c.Blob("reel.mp4").GenerateSasUri(BlobSasPermissions.Read, InMinutes(15));

        Assert.Equal("reel", (await new BlobClient(sas).DownloadContentAsync()).Value.ToString());
        // The same signature on another blob's path does not verify.
        var elsewhere = new UriBuilder(sas) { Path = sas.AbsolutePath.Replace("reel.mp4", "other.mp4") }.Uri;
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(elsewhere).DownloadContentAsync());
        Assert.Equal(403, e.Status);
    }

    [Fact]
    public async Task ReadSas_CannotWrite()
    {
        await using var c = await Azurite.NewContainerAsync();
        await c.Blob("clip.mp4").UploadAsync(BinaryData.FromString("clip"));
        var sas = c.Blob("clip.mp4").GenerateSasUri(BlobSasPermissions.Read, InMinutes(15));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(sas).UploadAsync(BinaryData.FromString("tampered")));
        Assert.Equal(403, e.Status);
        Assert.Equal("clip", (await c.Blob("clip.mp4").DownloadContentAsync()).Value.ToString());
    }

    [Fact]
    public async Task ExpiredSas_IsRefused()
    {
        await using var c = await Azurite.NewContainerAsync();
        await c.Blob("b").UploadAsync(BinaryData.FromString("x"));
        var sas = c.Blob("b").GenerateSasUri(new BlobSasBuilder(BlobSasPermissions.Read, InMinutes(-1)) { StartsOn = InMinutes(-10) });

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(sas).DownloadContentAsync());
        Assert.Equal(403, e.Status);
    }

    [Fact]
    public async Task TamperedSas_IsRefusedAndTheErrorHidesTheSignature()
    {
        await using var c = await Azurite.NewContainerAsync();
        await c.Blob("b").UploadAsync(BinaryData.FromString("x"));
        var sas = c.Blob("b").GenerateSasUri(BlobSasPermissions.Read, InMinutes(15));
        // Widen the permissions without re-signing.
        var tampered = new Uri(sas.ToString().Replace("sp=r", "sp=rw"));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(tampered).UploadAsync(BinaryData.FromString("y")));
        Assert.Equal(403, e.Status);
        var signature = System.Web.HttpUtility.ParseQueryString(sas.Query)["sig"]!;
        Assert.DoesNotContain(signature, e.Message);
        Assert.DoesNotContain(Uri.EscapeDataString(signature), e.Message);
        Assert.Contains("sig=REDACTED", e.Message);
    }

    [Fact]
    public async Task UploadSas_CreatesInBlocksButCannotReadOrOverwrite()
    {
        await using var c = await Azurite.NewContainerAsync();
        var sas = c.Blob("recordings/r.mp4").GenerateSasUri(BlobSasPermissions.Create | BlobSasPermissions.Write, InMinutes(30));
        var uploader = new BlobClient(sas);
        var data = new byte[300 * 1024];
        Random.Shared.NextBytes(data);

        await uploader.UploadAsync(new MemoryStream(data), new BlobUploadOptions
        {
            TransferOptions = new() { InitialTransferSize = 100 * 1024, MaximumTransferSize = 100 * 1024 },
        });

        Assert.Equal(data, (await c.Blob("recordings/r.mp4").DownloadContentAsync()).Value.ToArray());
        var read = await Assert.ThrowsAsync<RequestFailedException>(() => uploader.DownloadContentAsync());
        Assert.Equal(403, read.Status);
    }

    [Fact]
    public async Task CreateOnlySas_CannotOverwriteAnExistingBlob()
    {
        await using var c = await Azurite.NewContainerAsync();
        await c.Blob("b").UploadAsync(BinaryData.FromString("original"));
        var sas = c.Blob("b").GenerateSasUri(BlobSasPermissions.Create, InMinutes(15));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(sas).UploadAsync(BinaryData.FromString("new")));
        Assert.Equal(403, e.Status);
        Assert.Equal("original", (await c.Blob("b").DownloadContentAsync()).Value.ToString());
    }

    [Fact]
    public async Task ReadSas_WorksForAPlainHttpClientWithoutVersionHeader()
    {
        // FFmpeg reads recordings this way: plain GETs with a Range header and no x-ms-version.
        await using var c = await Azurite.NewContainerAsync();
        await c.Blob("v.bin").UploadAsync(new BinaryData(Enumerable.Range(0, 100).Select(i => (byte)i).ToArray()));
        var sas = c.Blob("v.bin").GenerateSasUri(new BlobSasBuilder(BlobSasPermissions.Read, InMinutes(5))
        {
            StartsOn = InMinutes(-5),
            ContentType = "video/mp4",
        });

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, sas);
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(10, null);
        using var response = await http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(90, (await response.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ContainerSas_WithListPermission_ListsBlobs()
    {
        await using var c = await Azurite.NewContainerAsync();
        await c.Blob("a").UploadAsync(BinaryData.FromString("x"));
        var sas = c.Client.GenerateSasUri(new BlobSasBuilder(BlobSasPermissions.List | BlobSasPermissions.Read, InMinutes(5)));
        var viaSas = new BlobServiceClient($"BlobEndpoint={new UriBuilder(sas) { Path = "/devstoreaccount1", Query = "" }.Uri};AccountName=devstoreaccount1;SharedAccessSignature={sas.Query}")
            .GetBlobContainerClient(c.Client.Name);

        var names = new List<string>();
        await foreach (var item in viaSas.GetBlobsAsync()) names.Add(item.Name);
        Assert.Equal(["a"], names);
    }
}
