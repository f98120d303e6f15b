using System.Security.Cryptography;
using System.Text;

namespace BasicTrust.Storage.Sas;

/// <summary>Which protocols a SAS allows.</summary>
public enum SasProtocol
{
    /// <summary>Omit spr: HTTP and HTTPS (what http Azurite needs).</summary>
    None,
    /// <summary>HTTPS only (production).</summary>
    Https,
    /// <summary>spr=https,http.</summary>
    HttpsAndHttp,
}

/// <summary>
/// Builds a blob or container SAS (sv 2025-05-05: the 16-field service layout and the 24-field user
/// delegation layout). The time strings in the query are exactly the ones signed.
/// </summary>
public sealed class BlobSasBuilder(BlobSasPermissions permissions, DateTimeOffset expiresOn)
{
    /// <summary>What the SAS allows.</summary>
    public BlobSasPermissions Permissions { get; set; } = permissions;
    /// <summary>When it stops working.</summary>
    public DateTimeOffset ExpiresOn { get; set; } = expiresOn;
    /// <summary>When it starts; backdate a few minutes (Azurite has no clock-skew allowance).</summary>
    public DateTimeOffset? StartsOn { get; set; }
    /// <summary>Protocols allowed.</summary>
    public SasProtocol Protocol { get; set; } = SasProtocol.None;
    /// <summary>The REST version the request is processed with (clients like FFmpeg send none).</summary>
    public string Version { get; set; } = StorageClientOptions.DefaultServiceVersion;
    /// <summary>Content-Type to serve the blob with (rsct).</summary>
    public string? ContentType { get; set; }
    /// <summary>Content-Disposition to serve the blob with (rscd), e.g. an attachment file name.</summary>
    public string? ContentDisposition { get; set; }

    string ProtocolText => Protocol switch { SasProtocol.Https => "https", SasProtocol.HttpsAndHttp => "https,http", _ => "" };

    /// <summary>The service SAS string-to-sign (sv ≥ 2020-12-06: 16 lines).</summary>
    internal string ServiceStringToSign(string accountName, string container, string? blobName) => string.Join('\n',
        Permissions.ToPermissionString(), Start, SasTime.Format(ExpiresOn), CanonicalResource(accountName, container, blobName),
        "", "", ProtocolText, Version, Resource(blobName), "", "", "", ContentDisposition ?? "", "", "", ContentType ?? "");

    /// <summary>The user delegation SAS string-to-sign (2020-12-06 ≤ sv &lt; 2025-07-05: 24 lines).</summary>
    internal string UserDelegationStringToSign(UserDelegationKey key, string accountName, string container, string? blobName) => string.Join('\n',
        Permissions.ToPermissionString(), Start, SasTime.Format(ExpiresOn), CanonicalResource(accountName, container, blobName),
        key.SignedObjectId, key.SignedTenantId, key.SignedStart, key.SignedExpiry, key.SignedService, key.SignedVersion,
        "", "", "", "", ProtocolText, Version, Resource(blobName), "", "", "", ContentDisposition ?? "", "", "", ContentType ?? "");

    /// <summary>The SAS query string signed with the account key.</summary>
    public string ToSasQueryParameters(StorageSharedKeyCredential credential, string container, string? blobName) =>
        Query(credential.ComputeHmacSha256(ServiceStringToSign(credential.AccountName, container, blobName)), blobName, null);

    /// <summary>The SAS query string signed with a user delegation key.</summary>
    public string ToSasQueryParameters(UserDelegationKey key, string accountName, string container, string? blobName)
    {
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(key.Value),
            Encoding.UTF8.GetBytes(UserDelegationStringToSign(key, accountName, container, blobName))));
        return Query(signature, blobName, key);
    }

    string Start => StartsOn is { } start ? SasTime.Format(start) : "";

    static string Resource(string? blobName) => blobName is null ? "c" : "b";

    // The canonical resource uses the raw blob name, and the account once (even for path-style Azurite URLs).
    static string CanonicalResource(string account, string container, string? blobName) =>
        blobName is null ? $"/blob/{account}/{container}" : $"/blob/{account}/{container}/{blobName}";

    string Query(string signature, string? blobName, UserDelegationKey? key)
    {
        var parts = new List<(string, string)> { ("sv", Version), ("sr", Resource(blobName)), ("sp", Permissions.ToPermissionString()) };
        if (StartsOn is not null) parts.Add(("st", Start));
        parts.Add(("se", SasTime.Format(ExpiresOn)));
        if (ProtocolText.Length > 0) parts.Add(("spr", ProtocolText));
        if (key is not null)
            parts.AddRange([("skoid", key.SignedObjectId), ("sktid", key.SignedTenantId), ("skt", key.SignedStart),
                ("ske", key.SignedExpiry), ("sks", key.SignedService), ("skv", key.SignedVersion)]);
        if (ContentDisposition is not null) parts.Add(("rscd", ContentDisposition));
        if (ContentType is not null) parts.Add(("rsct", ContentType));
        parts.Add(("sig", signature));
        return string.Join('&', parts.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
    }
}
