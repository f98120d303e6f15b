using BasicTrust.Storage.Auth;

namespace BasicTrust.Storage.Tests.Auth;

// Vectors from shared/reference/azure-storage-rest.md §3.6, each accepted by Azurite 3.37.
public class SharedKeyStringToSignTests
{
    static readonly StorageSharedKeyCredential DevKey = new(StorageConnectionString.DevelopmentAccountName, StorageConnectionString.DevelopmentAccountKey);
    const string Date = "Sun, 22 Nov 2026 12:01:42 GMT";

    static KeyValuePair<string, string> H(string name, string value) => new(name, value);

    [Fact]
    public void Build_CreateContainer_MatchesVerifiedVector()
    {
        var sts = SharedKeyStringToSign.Build("PUT", new Uri("http://127.0.0.1:10000/devstoreaccount1/media?restype=container"),
            [H("x-ms-date", Date), H("x-ms-version", "2025-05-05")], null, "devstoreaccount1");

        Assert.Equal("PUT\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Sun, 22 Nov 2026 12:01:42 GMT\nx-ms-version:2025-05-05\n/devstoreaccount1/devstoreaccount1/media\nrestype:container", sts);
        Assert.Equal("MZdLo4DpwPJqZCIXylZatk5xANN2xRXzkSqH5W4IjX0=", DevKey.ComputeHmacSha256(sts));
    }

    [Fact]
    public void Build_PutBlobWithMetadataAndEscapedPath_MatchesVerifiedVector()
    {
        var sts = SharedKeyStringToSign.Build("PUT", new Uri("http://127.0.0.1:10000/devstoreaccount1/media/dir/a%20b%C3%A9.bin"),
            [H("x-ms-version", "2025-05-05"), H("x-ms-meta-title", "hello"), H("Content-Type", "application/octet-stream"),
             H("x-ms-blob-type", "BlockBlob"), H("x-ms-date", Date)], 1024, "devstoreaccount1");

        Assert.Equal("PUT\n\n\n1024\n\napplication/octet-stream\n\n\n\n\n\n\nx-ms-blob-type:BlockBlob\nx-ms-date:Sun, 22 Nov 2026 12:01:42 GMT\nx-ms-meta-title:hello\nx-ms-version:2025-05-05\n/devstoreaccount1/devstoreaccount1/media/dir/a%20b%C3%A9.bin", sts);
        Assert.Equal("kxIlhEyCrMSemzfAAe3F5Xi6aIOQQyTfBHT9LT2nKZM=", DevKey.ComputeHmacSha256(sts));
    }

    [Fact]
    public void Build_ZeroContentLength_SignsAnEmptyLine()
    {
        var sts = SharedKeyStringToSign.Build("PUT", new Uri("http://h/a/c"), [], 0, "a");
        Assert.StartsWith("PUT\n\n\n\n", sts);
    }

    [Fact]
    public void CompareHeaderNames_UnderscoreSortsBeforeDigitsAndDash()
    {
        var names = new List<string> { "x-ms-meta-i0", "x-ms-range-get-content-md5", "x-ms-meta-i_", "x-ms-range" };
        names.Sort(SharedKeyStringToSign.CompareHeaderNames);
        Assert.Equal(["x-ms-meta-i_", "x-ms-meta-i0", "x-ms-range", "x-ms-range-get-content-md5"], names);
    }

    [Fact]
    public void Build_QueryParameters_AreDecodedSortedAndRepeatedValuesJoined()
    {
        var sts = SharedKeyStringToSign.Build("GET", new Uri("http://h/acct/c?comp=list&B=2&b=1&blockid=AAAAAQ%3D%3D&empty="), [], null, "acct");
        Assert.EndsWith("/acct/acct/c\nb:1,2\nblockid:AAAAAQ==\ncomp:list\nempty:", sts);
    }

    [Fact]
    public void Build_EmptyPath_UsesASlash()
    {
        var sts = SharedKeyStringToSign.Build("GET", new Uri("https://acct.blob.core.windows.net/?comp=list"), [], null, "acct");
        Assert.EndsWith("\n/acct/\ncomp:list", sts);
    }
}
