using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace BasicTrust.DevHost.Triggers.Blob;

/// <summary>A claimed receipt: the lease is held (and renewed) until the attempt is recorded.</summary>
public sealed class BlobReceipt(BlobClient receipt, BlobLeaseClient lease, int failedAttempts, TimeSpan leaseTime)
{
    /// <summary>Attempts that failed before this one.</summary>
    public int FailedAttempts { get; } = failedAttempts;

    /// <summary>
    /// Renews the lease while the function runs longer than half of it. A failed renewal is logged and tried again
    /// sooner; once the lease is lost (409/412) there is nothing to keep. Never throws.
    /// </summary>
    public async Task KeepAsync(ILogger logger, CancellationToken cancellationToken)
    {
        var wait = leaseTime / 2;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                await lease.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                wait = leaseTime / 2;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Renewing a blob receipt's lease failed: {Reason}", StorageErrors.Describe(e));
                if (!StorageErrors.IsTransient(e)) return;
                wait = leaseTime / 6;
            }
        }
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
