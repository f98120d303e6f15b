using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace BasicTrust.Storage;

/// <summary>
/// Mints the short-lived links handed to people and to FFmpeg: a service SAS signed with the account key where the
/// client has one (Azurite), otherwise a user delegation SAS (a managed identity in Azure: no key anywhere). The user
/// delegation key is fetched once and reused until shortly before it expires, not fetched per link.
/// </summary>
public sealed class BlobLinks(BlobServiceClient service, TimeProvider clock)
{
    /// <summary>Links start this far in the past, so a client whose clock runs behind can use them at once.</summary>
    static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    /// <summary>How long a fetched delegation key lives (Azure allows up to 7 days).</summary>
    static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(1);
    /// <summary>The longest link: it must fit inside one delegation key's lifetime.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(12);

    readonly SemaphoreSlim _keyGate = new(1, 1);
    UserDelegationKey? _key;

    /// <summary>A link to one blob with only <paramref name="permissions"/>, expiring after <paramref name="lifetime"/>.</summary>
    public async Task<Uri> CreateAsync(BlobClient blob, BlobSasPermissions permissions, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetime, MaxLifetime);
        var now = clock.GetUtcNow();
        var builder = new BlobSasBuilder(permissions, now + lifetime)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = now - ClockSkew,
        };
        if (blob.CanGenerateSasUri) return blob.GenerateSasUri(builder);
        var key = await DelegationKeyAsync(builder.StartsOn, builder.ExpiresOn, cancellationToken).ConfigureAwait(false);
        return blob.GenerateUserDelegationSasUri(builder, key);
    }

    /// <summary>The cached delegation key, or a fresh one when the cached key does not cover the link's whole validity.</summary>
    async Task<UserDelegationKey> DelegationKeyAsync(DateTimeOffset linkStartsOn, DateTimeOffset linkExpiresOn, CancellationToken cancellationToken)
    {
        await _keyGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_key is null || _key.SignedStartsOn > linkStartsOn || _key.SignedExpiresOn < linkExpiresOn)
                _key = (await service.GetUserDelegationKeyAsync(linkStartsOn, linkStartsOn + KeyLifetime, cancellationToken).ConfigureAwait(false)).Value;
            return _key;
        }
        finally
        {
            _keyGate.Release();
        }
    }
}
