namespace BasicTrust.Storage.Tests;

public class StorageConnectionStringTests
{
    [Fact]
    public void Parse_UseDevelopmentStorage_ExpandsToAzuriteEndpoints()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true");
        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), parsed.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), parsed.QueueEndpoint);
        Assert.NotNull(parsed.SharedKey);
    }

    [Fact]
    public void Parse_KeyEndingInEquals_SplitsOnFirstEqualsOnly()
    {
        var parsed = StorageConnectionString.Parse("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + StorageConnectionString.DevelopmentAccountKey + ";");
        Assert.Equal("acct", parsed.SharedKey!.AccountName);
        Assert.Equal(new Uri("https://acct.blob.core.windows.net"), parsed.BlobEndpoint);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), parsed.QueueEndpoint);
    }

    [Fact]
    public void Parse_ExplicitEndpointsWithPath_KeepThePath()
    {
        var parsed = StorageConnectionString.Parse("AccountName=devstoreaccount1;AccountKey=" + StorageConnectionString.DevelopmentAccountKey
            + ";BlobEndpoint=http://127.0.0.1:12345/devstoreaccount1/;QueueEndpoint=http://127.0.0.1:12346/devstoreaccount1");
        Assert.Equal("/devstoreaccount1", parsed.BlobEndpoint.AbsolutePath);
        Assert.Equal(12346, parsed.QueueEndpoint.Port);
    }

    [Fact]
    public void Parse_EndpointSuffix_BuildsHostStyleUrls()
    {
        var parsed = StorageConnectionString.Parse("AccountName=acct;EndpointSuffix=core.chinacloudapi.cn;SharedAccessSignature=?sv=x&sig=y");
        Assert.Equal(new Uri("https://acct.blob.core.chinacloudapi.cn"), parsed.BlobEndpoint);
        Assert.Null(parsed.SharedKey);
        Assert.Equal("sv=x&sig=y", parsed.SharedAccessSignature);
    }

    [Theory]
    [InlineData("AccountKey=abc")]
    [InlineData("AccountName=a;garbage")]
    [InlineData("AccountName=a;BlobEndpoint=not a url")]
    public void Parse_Malformed_ThrowsWithoutEchoingSecrets(string text)
    {
        var e = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(text));
        Assert.DoesNotContain("abc", e.Message);
    }
}
