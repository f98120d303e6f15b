using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace BasicTrust.DevHost.Triggers.Blob;

/// <summary>
/// Blob receipts as the host keeps them (<c>azure-webjobs-hosts/blobreceipts/{hostId}/{function}/{etag}/{container}/{blob}</c>):
/// one per blob version and function, so a version fires once even across restarts. A receipt is claimed under a
/// blob lease before the function runs, so of several hosts on one storage only one fires it; it records the
/// failed attempts and is marked completed on success or when the blob is given up.
/// </summary>
public sealed class BlobReceipts(BlobServiceClient service, BlobServiceClient renewals, string hostId, string function)
{
    public const string Container = "azure-webjobs-hosts";
    const string Completed = "IsCompleted";
    const string Attempts = "FailedAttempts";
    static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(60);

    BlobContainerClient Receipts => service.GetBlobContainerClient(Container);

    public Task EnsureContainerAsync(CancellationToken cancellationToken) =>
        Receipts.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    public static string Name(string hostId, string function, ETag etag, string container, string blob) =>
        $"blobreceipts/{hostId}/{function}/{etag.ToString().Trim('"')}/{container}/{blob}";

    /// <summary>The claim on this blob version, or null when it is done or another host is working on it.</summary>
    public async Task<BlobReceipt?> TryClaimAsync(ETag etag, string container, string blob, CancellationToken cancellationToken)
    {
        var receipt = Receipts.GetBlobClient(Name(hostId, function, etag, container, blob));
        try
        {
            await receipt.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412) { } // it exists: read what it says

        var lease = receipt.GetBlobLeaseClient();
        var acquiredAt = DateTimeOffset.UtcNow;
        try
        {
            await lease.AcquireAsync(LeaseTime, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null; // another host holds it and is running the function
        }
        // Read after taking the lease: another host may have completed it just before.
        var metadata = (await receipt.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.Metadata;
        if (metadata.TryGetValue(Completed, out var done) && done == "true")
        {
            await lease.ReleaseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return null;
        }
        var attempts = metadata.TryGetValue(Attempts, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var renewal = renewals.GetBlobContainerClient(Container).GetBlobClient(receipt.Name).GetBlobLeaseClient(lease.LeaseId);
        return new BlobReceipt(receipt, lease, renewal, acquiredAt, attempts, LeaseTime);
    }

    internal static Dictionary<string, string> CompletedMetadata() => new() { [Completed] = "true" };
    internal static Dictionary<string, string> FailedMetadata(int attempts) => new() { [Attempts] = attempts.ToString(CultureInfo.InvariantCulture) };
}
