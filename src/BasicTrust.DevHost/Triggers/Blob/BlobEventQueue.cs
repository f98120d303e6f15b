using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues.Models;
using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Triggers.Queue;
using BasicTrust.DevHost.Worker;

namespace BasicTrust.DevHost.Triggers.Blob;

/// <summary>
/// Blob triggers with <c>source: EventGrid</c>, as the Storage extension runs them: the blob webhook
/// (<see cref="Http.BlobWebhook"/>) queues one <see cref="BlobTriggerMessage"/> per event in the host's
/// <c>azure-webjobs-blobtrigger-{hostId}</c> queue, and this listener runs each on the function it names. No receipts:
/// every event runs (at least once). A blob gone since is skipped; a failed run is retried at once (the extension's own
/// queue settings, not host.json's: visibility 0) and after 5 attempts the message goes to <c>webjobs-blobtrigger-poison</c>
/// beside the blob. As many run at once as <c>maxDegreeOfParallelism</c> allows, over all blob functions.
/// </summary>
public sealed class BlobEventQueue(IReadOnlyList<FunctionDefinition> functions, StorageAccounts accounts, FunctionInvoker invoker,
    string hostId, int parallelism, SemaphoreSlim slots, bool base64, ILogger logger)
{
    const int MaxDequeueCount = 5;
    readonly Dictionary<string, (FunctionDefinition Function, BlobPathPattern Path)> _functions =
        functions.ToDictionary(f => BlobTriggerMessage.FunctionIdPrefix + f.Name, f => (f, BlobPathPattern.Parse(f.Trigger["path"]!)), StringComparer.OrdinalIgnoreCase);
    readonly SemaphoreSlim _nudge = new(0);

    public string QueueName { get; } = "azure-webjobs-blobtrigger-" + hostId;

    /// <summary>Queues the run of one blob event; the listener of this host takes it at once (the host's queue watcher).</summary>
    public async Task EnqueueAsync(BlobTriggerMessage message, CancellationToken cancellationToken)
    {
        await accounts.SendAsync(StorageCheck.HostStorage, QueueName, message.ToJson(), cancellationToken).ConfigureAwait(false);
        _nudge.Release();
    }

    public Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = new QueueSettings { BatchSize = parallelism, MaxDequeueCount = MaxDequeueCount, VisibilityTimeout = TimeSpan.Zero, MaxPollingInterval = TimeSpan.FromMinutes(1), Base64 = base64 };
        var source = new QueueSource("BlobTrigger (Event Grid)", StorageCheck.HostStorage, QueueName, settings, HandleAsync, PoisonFor);
        return new QueueListener(source, accounts, logger, _nudge).RunAsync(cancellationToken);
    }

    (string, string) PoisonFor(string text) =>
        (BlobTriggerMessage.Parse(text) is { } m && _functions.TryGetValue(m.FunctionId, out var f) ? f.Function.Trigger.Connection : StorageCheck.HostStorage,
         BlobListener.PoisonQueue);

    async Task<InvocationOutcome> HandleAsync(QueueMessage queued, string text, CancellationToken cancellationToken)
    {
        if (BlobTriggerMessage.Parse(text) is not { } message) return InvocationOutcome.Failed("Invalid blob trigger message.");
        if (!_functions.TryGetValue(message.FunctionId, out var target))
        {
            logger.LogWarning("Blob event for {FunctionId}: no such blob function with source EventGrid; ignored", message.FunctionId);
            return Done;
        }
        var (function, path) = target;
        if (!string.Equals(message.ContainerName, path.Container, StringComparison.Ordinal) || path.Match(message.BlobName) is not { } tokens)
        {
            // The subscription's filter should have kept it away; the function's path does not match it.
            logger.LogWarning("{Function}: a blob event for a blob outside {Path}; ignored (check the subscription's filter)", function.Name, function.Trigger["path"]);
            return Done;
        }
        var blob = accounts.Blobs(function.Trigger.Connection).GetBlobContainerClient(message.ContainerName).GetBlobClient(message.BlobName);
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            logger.LogInformation("{Function}: the blob of event message {Id} no longer exists; skipped", function.Name, queued.MessageId);
            return Done;
        }
        // Whatever version is there now runs (the extension checks the ETag only for container scans).
        var content = function.SendsReference ? null
            : (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content;
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await invoker.InvokeAsync(function, BlobTriggerData.Request(function, blob, properties, content, tokens), cancellationToken).ConfigureAwait(false);
        }
        finally { slots.Release(); }
    }

    static readonly InvocationOutcome Done = new(true, null, null);
}
