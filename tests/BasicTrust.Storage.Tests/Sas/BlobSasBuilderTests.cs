using BasicTrust.Storage.Sas;

namespace BasicTrust.Storage.Tests.Sas;

public class BlobSasBuilderTests
{
    static readonly StorageSharedKeyCredential DevKey = new(StorageConnectionString.DevelopmentAccountName, StorageConnectionString.DevelopmentAccountKey);

    // The reference's signature, made with the public Azurite development key: a test vector, not a secret.
    const string VectorSignature = "T5nXZGmNef0Fh6HgBOBOEzwB0CSLKW4KTDNEDr8At5U%3D";

    // Vector from shared/reference/azure-storage-rest.md §5.1 (GET with it answered 206 on Azurite 3.37).
    [Fact]
    public void ServiceSas_ReadBlob_MatchesVerifiedVector()
    {
        var builder = new BlobSasBuilder(BlobSasPermissions.Read, DateTimeOffset.Parse("2026-11-22T13:02:08Z"))
        {
            StartsOn = DateTimeOffset.Parse("2026-11-22T11:57:08Z"),
            Protocol = SasProtocol.HttpsAndHttp,
        };

        Assert.Equal("r\n2026-11-22T11:57:08Z\n2026-11-22T13:02:08Z\n/blob/devstoreaccount1/media/dir/a bé.bin\n\n\nhttps,http\n2025-05-05\nb\n\n\n\n\n\n\n",
            builder.ServiceStringToSign("devstoreaccount1", "media", "dir/a bé.bin"));
        Assert.Equal("sv=2025-05-05&sr=b&sp=r&st=2026-11-22T11%3A57%3A08Z&se=2026-11-22T13%3A02%3A08Z&spr=https%2Chttp&sig=" + VectorSignature,
            builder.ToSasQueryParameters(DevKey, "media", "dir/a bé.bin"));
    }

    [Fact]
    public void Permissions_AreWrittenInCanonicalOrder()
    {
        var builder = new BlobSasBuilder(BlobSasPermissions.Write | BlobSasPermissions.Create | BlobSasPermissions.Read, DateTimeOffset.UnixEpoch);
        Assert.Contains("sp=rcw", builder.ToSasQueryParameters(DevKey, "c", "b"));
    }

    [Fact]
    public void ContainerSas_UsesResourceCAndTheContainerPath()
    {
        var builder = new BlobSasBuilder(BlobSasPermissions.List, DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        var sts = builder.ServiceStringToSign("acct", "clips", null);
        Assert.Equal("/blob/acct/clips", sts.Split('\n')[3]);
        Assert.Equal("c", sts.Split('\n')[8]);
    }

    [Fact]
    public void UserDelegationSas_Has24FieldsWithTheKeyFieldsVerbatim()
    {
        var key = new UserDelegationKey("oid", "tid", "2026-11-22T11:58:04Z", "2026-11-22T14:03:04Z", "b", "2026-06-06", Convert.ToBase64String(new byte[32]));
        var builder = new BlobSasBuilder(BlobSasPermissions.Read, DateTimeOffset.Parse("2026-11-22T13:00:00Z"));
        var fields = builder.UserDelegationStringToSign(key, "acct", "reels", "a/reel.mp4").Split('\n');

        Assert.Equal(24, fields.Length);
        Assert.Equal(["oid", "tid", "2026-11-22T11:58:04Z", "2026-11-22T14:03:04Z", "b", "2026-06-06"], fields[4..10]);
        Assert.Contains("skoid=oid", builder.ToSasQueryParameters(key, "acct", "reels", "a/reel.mp4"));
    }
}
