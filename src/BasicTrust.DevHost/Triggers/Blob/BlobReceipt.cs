using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace BasicTrust.DevHost.Triggers.Blob;

/// <summary>A claimed receipt: the lease is held (and renewed) until the attempt is recorded.</summary>
public sealed class BlobReceipt(BlobClient receipt, BlobLeaseClient lease, int failedAttempts, TimeSpan leaseTime)
{
    /// <summary>Attempts that failed before this one.</summary>
    public int FailedAttempts { get; } = failedAttempts;

    /// <summary>Renews the lease while the function runs longer than half of it.</summary>
    public async Task KeepAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(leaseTime / 2, cancellationToken).ConfigureAwait(false);
                await lease.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>This version is done (succeeded, or given up): no host fires it again.</summary>
    public Task CompleteAsync(CancellationToken cancellationToken) => FinishAsync(BlobReceipts.CompletedMetadata(), cancellationToken);

    /// <summary>Records one more failed attempt and lets the next scan (of any host) try again.</summary>
    public Task FailAsync(CancellationToken cancellationToken) => FinishAsync(BlobReceipts.FailedMetadata(FailedAttempts + 1), cancellationToken);

    async Task FinishAsync(Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        await receipt.SetMetadataAsync(metadata, new BlobRequestConditions { LeaseId = lease.LeaseId }, cancellationToken).ConfigureAwait(false);
        await lease.ReleaseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
