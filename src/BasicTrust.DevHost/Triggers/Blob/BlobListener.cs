using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Worker;

namespace BasicTrust.DevHost.Triggers.Blob;

/// <summary>
/// A blob trigger as the host's container scan runs it: every blob matching the path fires once per ETag (a new or
/// changed blob fires, also one that arrived while no host ran), guarded by receipts in storage. No storage error ends it (see <see cref="StorageErrors"/>). A failed attempt is
/// retried on a later scan; after <c>poisonBlobThreshold</c> attempts a message goes to <c>webjobs-blobtrigger-poison</c>.
/// Blobs run concurrently, as many at once over all blob functions as host.json's <c>maxDegreeOfParallelism</c> allows.
/// </summary>
public sealed class BlobListener(FunctionDefinition function, int poisonThreshold, StorageAccounts accounts, FunctionInvoker invoker,
    string hostId, TimeSpan scanInterval, SemaphoreSlim slots, ILogger logger)
{
    public const string PoisonQueue = "webjobs-blobtrigger-poison";
    readonly BlobPathPattern _path = BlobPathPattern.Parse(function.Trigger["path"]!);
    // Receipts known to be complete, so a scan does not ask storage about every old blob again.
    readonly ConcurrentDictionary<string, byte> _done = new();
    // Blob versions being handled, each holding one of the host's slots (maxDegreeOfParallelism); a scan passes them by.
    readonly ConcurrentDictionary<string, Task> _running = new();
    // Within the receipt's lease (60 s), so a retried write still holds it.
    static readonly TimeSpan SettleFor = TimeSpan.FromSeconds(45);

    BlobServiceClient Service => accounts.Blobs(function.Trigger.Connection);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var receipts = new BlobReceipts(Service, accounts.LeaseRenewals(function.Trigger.Connection), hostId, function.Name);
        var ready = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!ready)
                {
                    await receipts.EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
                    await Service.GetBlobContainerClient(_path.Container).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                    ready = true;
                }
                await ScanAsync(receipts, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!StorageErrors.IsStopping(e, cancellationToken))
            {
                logger.LogWarning("{Function}: scanning {Container} failed: {Reason}", function.Name, _path.Container, StorageErrors.Describe(e));
            }
            try { await Task.Delay(scanInterval, cancellationToken).ConfigureAwait(false); }
            catch (OperationCanceledException)
            {
                // Stopping: what is running settles (releases its receipt) before the listener ends.
                await Task.WhenAll(_running.Values).ConfigureAwait(false);
                throw;
            }
        }
    }

    async Task ScanAsync(BlobReceipts receipts, CancellationToken cancellationToken)
    {
        var container = Service.GetBlobContainerClient(_path.Container);
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = _path.Prefix }, cancellationToken).ConfigureAwait(false))
        {
            if (_path.Match(item.Name) is not { } tokens || item.Properties.ETag is not { } etag) continue;
            var name = BlobReceipts.Name(hostId, function.Name, etag, _path.Container, item.Name);
            if (_done.ContainsKey(name) || _running.ContainsKey(name)) continue;
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            // Registered before it starts, so its own removal cannot come first.
            var run = new Task<Task>(() => HandleAsync(receipts, container.GetBlobClient(item.Name), etag, tokens, name, cancellationToken));
            _running[name] = run.Unwrap();
            run.Start(TaskScheduler.Default);
        }
    }

    /// <summary>One blob version in its own slot; its trouble does not hold up the others: a later scan tries it again.</summary>
    async Task HandleAsync(BlobReceipts receipts, BlobClient blob, ETag etag, IReadOnlyDictionary<string, string> tokens, string name, CancellationToken cancellationToken)
    {
        try
        {
            if (await receipts.TryClaimAsync(etag, _path.Container, blob.Name, cancellationToken).ConfigureAwait(false) is not { } receipt) return;
            if (await FireAsync(blob, etag, tokens, receipt, cancellationToken).ConfigureAwait(false)) _done[name] = 0;
        }
        catch (Exception e) when (!StorageErrors.IsStopping(e, cancellationToken))
        {
            logger.LogWarning("{Function}: a blob in {Container} could not be handled ({Reason}); a later scan tries again",
                function.Name, _path.Container, StorageErrors.Describe(e));
        }
        catch (Exception e) when (StorageErrors.IsStopping(e, cancellationToken)) { } // the receipt was released, or its lease runs out
        finally
        {
            _running.TryRemove(name, out _);
            slots.Release();
        }
    }

    /// <summary>One attempt on a claimed blob version; true when the version is finished with (done or given up).</summary>
    async Task<bool> FireAsync(BlobClient blob, ETag etag, IReadOnlyDictionary<string, string> tokens, BlobReceipt receipt, CancellationToken cancellationToken)
    {
        using var lost = new CancellationTokenSource();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lost.Token);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var keep = receipt.KeepAsync(logger, lost, running.Token);
        InvocationOutcome? outcome = null;
        var gone = false;
        try
        {
            var properties = (await blob.GetPropertiesAsync(new BlobRequestConditions { IfMatch = etag }, attempt.Token).ConfigureAwait(false)).Value;
            // A reference the worker opens itself, or the content (see FunctionDefinition.SendsReference).
            var content = function.SendsReference ? null
                : (await blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = etag } }, attempt.Token).ConfigureAwait(false)).Value.Content;
            outcome = await invoker.InvokeAsync(function, BlobTriggerData.Request(function, blob, properties, content, tokens), attempt.Token).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            gone = true; // changed or deleted since the listing: the new version has its own receipt
        }
        catch (OperationCanceledException) when (attempt.IsCancellationRequested) { } // stopping, or the lease is lost
        finally
        {
            await running.CancelAsync().ConfigureAwait(false);
            await keep.ConfigureAwait(false);
        }

        // Without the lease another host may be on this version already: record nothing, a later scan decides.
        if (lost.IsCancellationRequested) return false;
        if (!gone && outcome is null or { WorkerUnavailable: true })
        {
            // Stopping, or no worker took it: not an attempt. Let it go, so it fires once a worker is there.
            await receipt.ReleaseAsync(logger).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }
        var succeeded = gone || outcome!.Succeeded;

        // Recording the outcome is retried while storage is away; if it still fails, the receipt's lease runs out and
        // the version fires again (at least once, as with the host).
        if (succeeded || receipt.FailedAttempts + 1 >= poisonThreshold)
        {
            if (!succeeded && !await SettleAsync(() => PoisonAsync(blob, etag, receipt.FailedAttempts + 1, cancellationToken), "posting the poison message", cancellationToken).ConfigureAwait(false))
                return false;
            return await SettleAsync(() => receipt.CompleteAsync(cancellationToken), "completing the receipt", cancellationToken).ConfigureAwait(false);
        }
        await SettleAsync(() => receipt.FailAsync(cancellationToken), "recording the failed attempt", cancellationToken).ConfigureAwait(false);
        return false;
    }

    Task<bool> SettleAsync(Func<Task> call, string action, CancellationToken cancellationToken) =>
        StorageErrors.SettleAsync(call, $"{function.Name}: {action}", SettleFor, logger, cancellationToken);

    /// <summary>The message the host posts for a blob it gave up on (what a poison-queue function would read).</summary>
    async Task PoisonAsync(BlobClient blob, ETag etag, int attempts, CancellationToken cancellationToken)
    {
        var message = new JsonObject
        {
            ["FunctionId"] = $"Host.Functions.{function.Name}", ["BlobType"] = "BlockBlob",
            ["ContainerName"] = blob.BlobContainerName, ["BlobName"] = blob.Name, ["ETag"] = etag.ToString(),
        };
        await accounts.SendAsync(function.Trigger.Connection, PoisonQueue, message.ToJsonString(), cancellationToken).ConfigureAwait(false);
        logger.LogError("{Function}: gave up on a blob in {Container} after {Attempts} attempts; see {Queue}", function.Name, blob.BlobContainerName, attempts, PoisonQueue);
    }
}
