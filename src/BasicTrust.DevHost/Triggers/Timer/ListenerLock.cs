using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace BasicTrust.DevHost.Triggers.Timer;

/// <summary>
/// The host's singleton listener lock: a lease on <c>azure-webjobs-hosts/locks/{hostId}/{function}.Listener</c>.
/// Of several hosts on one storage only the holder runs the listener, so each timer tick fires once; the others
/// keep trying, and take over when the holder stops. Renewals go through <paramref name="renewals"/> (see
/// <see cref="LeaseRenewal"/>), and the work stops once no renewal succeeded within the lease.
/// </summary>
public sealed class ListenerLock(BlobServiceClient service, BlobServiceClient renewals, string hostId, string function, ILogger logger)
{
    static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(15);
    static readonly TimeSpan Renewal = TimeSpan.FromSeconds(5);
    static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs <paramref name="work"/> whenever this host holds the lock, until cancelled; stops it when the lock is
    /// lost or cannot be renewed. Storage errors are logged and retried with back-off; they never end the loop.
    /// </summary>
    public async Task RunWhileHeldAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var container = service.GetBlobContainerClient("azure-webjobs-hosts");
        var blob = container.GetBlobClient($"locks/{hostId}/{function}.Listener");
        var lease = blob.GetBlobLeaseClient();
        var renewal = renewals.GetBlobContainerClient(container.Name).GetBlobClient(blob.Name).GetBlobLeaseClient(lease.LeaseId);
        var created = false;
        var backOff = TimeSpan.Zero;
        var acquiredAt = DateTimeOffset.UtcNow;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!created)
                {
                    await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                    try { await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken).ConfigureAwait(false); }
                    catch (RequestFailedException e) when (e.Status == 409) { } // exists, maybe leased by another host
                    created = true;
                }
                acquiredAt = DateTimeOffset.UtcNow;
                await lease.AcquireAsync(LeaseTime, cancellationToken: cancellationToken).ConfigureAwait(false);
                backOff = TimeSpan.Zero;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                await Task.Delay(RetryEvery, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (Exception e) when (!StorageErrors.IsStopping(e, cancellationToken))
            {
                backOff = StorageErrors.Next(backOff);
                logger.LogWarning("{Function}: taking the listener lock failed, retrying in {Delay}: {Reason}", function, backOff, StorageErrors.Describe(e));
                if (e is RequestFailedException { Status: 404 }) created = false; // storage lost its data: create the lock blob again
                await Task.Delay(backOff, cancellationToken).ConfigureAwait(false);
                continue;
            }
            logger.LogDebug("{Function}: holding the listener lock", function);
            await HoldAsync(lease, renewal, acquiredAt, work, cancellationToken).ConfigureAwait(false);
        }
    }

    async Task HoldAsync(BlobLeaseClient lease, BlobLeaseClient renewal, DateTimeOffset renewedAt, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        using var held = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = work(held.Token);
        var wait = Renewal;
        try
        {
            while (!running.IsCompleted)
            {
                await Task.WhenAny(running, Task.Delay(wait, cancellationToken)).ConfigureAwait(false);
                if (running.IsCompleted) break;
                cancellationToken.ThrowIfCancellationRequested();
                var budget = LeaseRenewal.Budget(renewedAt, LeaseTime, DateTimeOffset.UtcNow);
                if (budget == TimeSpan.Zero) throw new TimeoutException($"no renewal succeeded within the {LeaseTime.TotalSeconds:0} s lease");
                var sentAt = DateTimeOffset.UtcNow;
                try
                {
                    using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    call.CancelAfter(budget);
                    await renewal.RenewAsync(cancellationToken: call.Token).ConfigureAwait(false);
                    renewedAt = sentAt;
                    wait = Renewal;
                }
                catch (Exception e) when (!StorageErrors.IsStopping(e, cancellationToken) && StorageErrors.IsTransient(e))
                {
                    logger.LogWarning("{Function}: renewing the listener lock failed, trying again while the lease lasts: {Reason}", function, StorageErrors.Describe(e));
                    wait = RetryEvery;
                }
            }
        }
        catch (Exception e) when (!StorageErrors.IsStopping(e, cancellationToken))
        {
            // Lost the lease, or cannot tell: stop, so another host may run it; this one tries to take it again.
            logger.LogWarning("{Function}: renewing the listener lock failed; stopping until it is held again: {Reason}", function, StorageErrors.Describe(e));
        }
        finally
        {
            await held.CancelAsync().ConfigureAwait(false);
            try { await running.ConfigureAwait(false); }
            catch (OperationCanceledException) { }
            catch (Exception e) { logger.LogError("{Function}: the listener failed while holding the lock: {Reason}", function, StorageErrors.Describe(e)); }
            if (cancellationToken.IsCancellationRequested)
                try { await lease.ReleaseAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false); }
                catch (Exception e) { logger.LogDebug("{Function}: releasing the listener lock failed: {Reason}", function, StorageErrors.Describe(e)); }
        }
    }
}
