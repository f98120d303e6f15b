using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;

namespace BasicTrust.Storage.Tests;

/// <summary>Links signed with the account key (Azurite through a connection string): each has exactly its scope.</summary>
public class BlobLinksTests
{
    static readonly TimeSpan Minutes15 = TimeSpan.FromMinutes(15);

    static BlobLinks Links => new(Azurite.Service(), TimeProvider.System);

    [Fact]
    public async Task ReadLink_ReadsThatBlobOnlyAndCannotWrite()
    {
        await using var c = await Azurite.NewContainerAsync();
        await c.Blob("reel.mp4").UploadAsync(BinaryData.FromString("reel"));
        await c.Blob("other.mp4").UploadAsync(BinaryData.FromString("other"));

        var link = await Links.CreateAsync(c.Blob("reel.mp4"), BlobSasPermissions.Read, Minutes15);

        Assert.Equal("reel", (await new BlobClient(link).DownloadContentAsync()).Value.Content.ToString());
        var elsewhere = new UriBuilder(link) { Path = link.AbsolutePath.Replace("reel.mp4", "other.mp4", StringComparison.Ordinal) }.Uri;
        Assert.Equal(403, (await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(elsewhere).DownloadContentAsync())).Status);
        Assert.Equal(403, (await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(link).UploadAsync(BinaryData.FromString("x"), overwrite: true))).Status);
        Assert.Equal("reel", (await c.Blob("reel.mp4").DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task UploadLink_StagesBlocksButCannotRead()
    {
        await using var c = await Azurite.NewContainerAsync();
        var link = await Links.CreateAsync(c.Blob("recordings/r.mp4"), BlobSasPermissions.Create | BlobSasPermissions.Write, TimeSpan.FromMinutes(30));
        var data = new byte[300 * 1024];
        Random.Shared.NextBytes(data);

        await new ResumableUpload(new BlockBlobClient(link), new ResumableUploadOptions { BlockSize = 100 * 1024 }).UploadAsync(new MemoryStream(data));

        Assert.Equal(data, (await c.Blob("recordings/r.mp4").DownloadContentAsync()).Value.Content.ToArray());
        Assert.Equal(403, (await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(link).DownloadContentAsync())).Status);
    }

    [Fact]
    public async Task ExpiredLink_IsRefused()
    {
        await using var c = await Azurite.NewContainerAsync();
        await c.Blob("b").UploadAsync(BinaryData.FromString("x"));

        var link = await Links.CreateAsync(c.Blob("b"), BlobSasPermissions.Read, TimeSpan.FromSeconds(-30));

        Assert.Equal(403, (await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(link).DownloadContentAsync())).Status);
    }

    [Fact]
    public async Task TamperedLink_IsRefusedAndTheErrorHidesTheSignature()
    {
        await using var c = await Azurite.NewContainerAsync();
        await c.Blob("b").UploadAsync(BinaryData.FromString("x"));
        var link = await Links.CreateAsync(c.Blob("b"), BlobSasPermissions.Read, Minutes15);
        // Widen the permissions without re-signing.
        var tampered = new Uri(link.ToString().Replace("sp=r", "sp=rw", StringComparison.Ordinal));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(tampered).UploadAsync(BinaryData.FromString("y"), overwrite: true));

        Assert.Equal(403, e.Status);
        var signature = System.Web.HttpUtility.ParseQueryString(link.Query)["sig"]!;
        Assert.DoesNotContain(signature, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(signature), e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadLink_WorksForAPlainHttpClientWithoutVersionHeader()
    {
        // Browsers and players read links this way: plain GETs with a Range header and no x-ms-version.
        await using var c = await Azurite.NewContainerAsync();
        await c.Blob("v.bin").UploadAsync(new BinaryData(Enumerable.Range(0, 100).Select(i => (byte)i).ToArray()));
        var link = await Links.CreateAsync(c.Blob("v.bin"), BlobSasPermissions.Read, Minutes15);

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(10, null);
        using var response = await http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(90, (await response.Content.ReadAsByteArrayAsync()).Length);
    }
}
