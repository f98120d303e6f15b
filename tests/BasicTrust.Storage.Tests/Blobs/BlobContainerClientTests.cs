using BasicTrust.Storage.Blobs;

namespace BasicTrust.Storage.Tests.Blobs;

public class BlobContainerClientTests
{
    [Fact]
    public async Task CreateIfNotExists_ThenDeleteIfExists_ReportWhatHappened()
    {
        var container = new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient(Azurite.UniqueName("c"));

        Assert.False((await container.ExistsAsync()).Value);
        Assert.True(await container.CreateIfNotExistsAsync());
        Assert.False(await container.CreateIfNotExistsAsync());
        Assert.True((await container.ExistsAsync()).Value);
        Assert.True(await container.DeleteIfExistsAsync());
        Assert.False(await container.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task GetBlobs_PagesAcrossNamesWithSpacesAndUtf8()
    {
        await using var c = await Azurite.NewContainerAsync();
        string[] names = ["case/a b.mp4", "case/bé.json", "case/c+d.jpg", "case/z/zz.txt", "other/x"];
        foreach (var name in names)
            await c.Blob(name).UploadAsync(BinaryData.FromString(name), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["kind"] = "één" } });

        var pages = 0;
        var listed = new List<BlobItem>();
        await foreach (var page in c.Client.GetBlobsAsync("case/", includeMetadata: true).AsPages(pageSizeHint: 2))
        {
            pages++;
            listed.AddRange(page.Values);
        }

        Assert.Equal(2, pages);
        Assert.Equal(names[..4], listed.Select(b => b.Name));
        Assert.All(listed, b => Assert.Equal("één", b.Properties.Metadata["kind"]));
        Assert.Equal(names[1].Length + 1, listed[1].Properties.ContentLength); // é is two bytes
        Assert.StartsWith("\"", listed[0].Properties.ETag.ToString());
    }

    [Fact]
    public async Task GetBlobs_ETagFromListing_MatchesHead()
    {
        await using var c = await Azurite.NewContainerAsync();
        await c.Blob("a").UploadAsync(BinaryData.FromString("x"));
        var listed = await c.Client.GetBlobsAsync().SingleAsync();
        Assert.Equal((await c.Blob("a").GetPropertiesAsync()).Value.ETag, listed.Properties.ETag);
    }
}
