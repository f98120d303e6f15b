using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace BasicTrust.DevHost.Triggers.Blob;

/// <summary>
/// A claimed receipt: the lease is held (and renewed through <paramref name="renewal"/>, the same lease on a client
/// that does not retry past it) until the attempt is recorded.
/// </summary>
public sealed class BlobReceipt(BlobClient receipt, BlobLeaseClient lease, BlobLeaseClient renewal, DateTimeOffset acquiredAt, int failedAttempts, TimeSpan leaseTime)
{
    static readonly TimeSpan ReleaseFor = TimeSpan.FromSeconds(10);

    /// <summary>Attempts that failed before this one.</summary>
    public int FailedAttempts { get; } = failedAttempts;

    /// <summary>
    /// Renews the lease while the function runs longer than half of it. A failed renewal is logged and tried again
    /// sooner while the lease lasts; once it is lost (409/412) or ran out unrenewed, <paramref name="lost"/> is
    /// cancelled, so the attempt stops before another host may take the blob. Never throws.
    /// </summary>
    public async Task KeepAsync(ILogger logger, CancellationTokenSource lost, CancellationToken cancellationToken)
    {
        var renewedAt = acquiredAt;
        var wait = leaseTime / 2;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                var budget = LeaseRenewal.Budget(renewedAt, leaseTime, DateTimeOffset.UtcNow);
                if (budget == TimeSpan.Zero) throw new TimeoutException($"no renewal succeeded within the {leaseTime.TotalSeconds:0} s lease");
                var sentAt = DateTimeOffset.UtcNow;
                using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                call.CancelAfter(budget);
                await renewal.RenewAsync(cancellationToken: call.Token).ConfigureAwait(false);
                renewedAt = sentAt;
                wait = leaseTime / 2;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (e is TimeoutException || !StorageErrors.IsTransient(e))
                {
                    logger.LogWarning("A blob receipt's lease is lost; stopping the attempt: {Reason}", StorageErrors.Describe(e));
                    await lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
                logger.LogWarning("Renewing a blob receipt's lease failed: {Reason}", StorageErrors.Describe(e));
                wait = leaseTime / 12;
            }
        }
    }

    /// <summary>
    /// Lets the version go without recording an attempt (the host is stopping, or has no worker), so the next scan
    /// of any host takes it at once. Not cancelled by stopping; bounded, and a failure only leaves the lease to run out.
    /// </summary>
    public async Task ReleaseAsync(ILogger logger)
    {
        using var timeout = new CancellationTokenSource(ReleaseFor);
        try { await lease.ReleaseAsync(cancellationToken: timeout.Token).ConfigureAwait(false); }
        catch (Exception e) { logger.LogDebug("Releasing a blob receipt's lease failed; it runs out by itself: {Reason}", StorageErrors.Describe(e)); }
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
