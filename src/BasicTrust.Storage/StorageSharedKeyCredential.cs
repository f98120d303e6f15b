using System.Security.Cryptography;
using System.Text;

namespace BasicTrust.Storage;

/// <summary>An account name and key for Shared Key authorization and service SAS signing.</summary>
public sealed class StorageSharedKeyCredential
{
    readonly byte[] _key;

    /// <summary>Creates the credential; the key must be base64 (as the portal and Azurite give it).</summary>
    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        AccountName = accountName;
        try { _key = Convert.FromBase64String(accountKey); }
        catch (FormatException) { throw new FormatException("The storage account key is not valid base64."); }
    }

    /// <summary>The storage account name.</summary>
    public string AccountName { get; }

    /// <summary>base64(HMAC-SHA256(key, UTF-8(text))): the signature Shared Key and SAS both use.</summary>
    public string ComputeHmacSha256(string text) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"SharedKey({AccountName})";
}
