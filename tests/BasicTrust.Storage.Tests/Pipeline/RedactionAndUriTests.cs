using BasicTrust.Storage.Blobs;
using BasicTrust.Storage.Pipeline;

namespace BasicTrust.Storage.Tests.Pipeline;

public class RedactionAndUriTests
{
    [Fact]
    public void Redact_RemovesSignaturesAndKeys()
    {
        var text = Redaction.Redact("GET http://h/c/b?sv=1&sig=abc%2Bdef%3D&se=2 AccountKey=secret==;Other=1");
        Assert.DoesNotContain("abc", text);
        Assert.DoesNotContain("secret", text);
        Assert.Contains("sig=REDACTED&se=2", text);
        Assert.Contains("AccountKey=REDACTED;Other=1", text);
    }

    [Fact]
    public void Append_EscapesEachSegmentOnce()
    {
        var uri = StorageUri.Append(new Uri("http://127.0.0.1:1/devstoreaccount1"), "c/map één/video (1)+x.mp4");
        Assert.Equal("/devstoreaccount1/c/map%20%C3%A9%C3%A9n/video%20%281%29%2Bx.mp4", uri.AbsolutePath);
    }

    [Fact]
    public void WithQuery_EscapesValuesAndKeepsAnExistingSas()
    {
        var uri = StorageUri.WithQuery(new Uri("http://h/a/c/b?sv=1&sig=x%2B"), ("comp", "block"), ("blockid", "AA+/=="), ("skip", null));
        Assert.Equal("?sv=1&sig=x%2B&comp=block&blockid=AA%2B%2F%3D%3D", uri.Query);
    }

    [Theory]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1/clips/a/b.mp4", "devstoreaccount1", "clips", "a/b.mp4")]
    [InlineData("https://acct.blob.core.windows.net/clips/a%20b.mp4?sig=x", "acct", "clips", "a b.mp4")]
    [InlineData("http://azurite:10000/devstoreaccount1/reels", "devstoreaccount1", "reels", "")]
    public void BlobUriParts_ParsesBothUrlStyles(string uri, string account, string container, string blob)
    {
        var parts = BlobUriParts.Parse(new Uri(uri));
        Assert.Equal((account, container, blob), (parts.AccountName, parts.ContainerName, parts.BlobName));
    }

    [Fact]
    public void BlockId_IsFixedLengthBase64AndDependsOnContent()
    {
        var a = BlockUploader.BlockId(1, [1, 2, 3]);
        var b = BlockUploader.BlockId(999_999, new byte[100]);
        Assert.Equal(a.Length, b.Length);
        Assert.NotEqual(a, BlockUploader.BlockId(1, [1, 2, 4]));
        Assert.Equal(a, BlockUploader.BlockId(1, [1, 2, 3]));
        Convert.FromBase64String(a);
    }
}
