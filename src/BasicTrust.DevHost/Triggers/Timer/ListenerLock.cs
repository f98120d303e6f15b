using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace BasicTrust.DevHost.Triggers.Timer;

/// <summary>
/// The host's singleton listener lock: a lease on <c>azure-webjobs-hosts/locks/{hostId}/{function}.Listener</c>.
/// Of several hosts on one storage only the holder runs the listener, so each timer tick fires once; the others
/// keep trying, and take over when the holder stops.
/// </summary>
public sealed class ListenerLock(BlobServiceClient service, string hostId, string function, ILogger logger)
{
    static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(15);
    static readonly TimeSpan Renewal = TimeSpan.FromSeconds(5);
    static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);

    /// <summary>Runs <paramref name="work"/> whenever this host holds the lock, until cancelled; stops it when the lock is lost.</summary>
    public async Task RunWhileHeldAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var container = service.GetBlobContainerClient("azure-webjobs-hosts");
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var blob = container.GetBlobClient($"locks/{hostId}/{function}.Listener");
        try { await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken).ConfigureAwait(false); }
        catch (RequestFailedException e) when (e.Status == 409) { } // exists, maybe leased by another host
        var lease = blob.GetBlobLeaseClient();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await lease.AcquireAsync(LeaseTime, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                await Task.Delay(RetryEvery, cancellationToken).ConfigureAwait(false);
                continue;
            }
            logger.LogDebug("{Function}: holding the listener lock", function);
            await HoldAsync(lease, work, cancellationToken).ConfigureAwait(false);
        }
    }

    static async Task HoldAsync(BlobLeaseClient lease, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        using var held = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = work(held.Token);
        try
        {
            while (!running.IsCompleted)
            {
                await Task.WhenAny(running, Task.Delay(Renewal, cancellationToken)).ConfigureAwait(false);
                if (!running.IsCompleted) await lease.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException)
        {
            await held.CancelAsync().ConfigureAwait(false); // lost the lease: another host may run it now
        }
        finally
        {
            await held.CancelAsync().ConfigureAwait(false);
            try { await running.ConfigureAwait(false); } catch (OperationCanceledException) { }
            if (cancellationToken.IsCancellationRequested)
                try { await lease.ReleaseAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false); }
                catch (RequestFailedException) { }
        }
    }
}
