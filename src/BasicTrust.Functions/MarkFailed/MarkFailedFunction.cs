using BasicTrust.Functions.Pipeline;
using BasicTrust.Storage;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.Functions.MarkFailed;

/// <summary>What ends on a poison queue marks its session failed, with the reason the last attempt recorded.</summary>
public sealed class MarkFailedFunction(Failures failures, ManifestFailures manifests)
{
    [Function("MarkFailed")]
    public Task MarkClipFailedAsync([QueueTrigger(PipelineQueues.ClipJobsPoison, Connection = StorageConnection.PipelineStorage)] string message, CancellationToken cancellationToken) =>
        failures.MarkAsync(message, cancellationToken);

    /// <summary>
    /// The host's poison queue for blob triggers: a manifest PlanSession failed on repeatedly. (The host keeps it in its
    /// own storage, which is the pipeline's account here too.)
    /// </summary>
    [Function("MarkManifestFailed")]
    public Task MarkManifestFailedAsync([QueueTrigger(PipelineQueues.BlobTriggerPoison, Connection = StorageConnection.PipelineStorage)] string message, CancellationToken cancellationToken) =>
        manifests.MarkAsync(message, cancellationToken);

    [Function("MarkReelFailed")]
    public Task MarkReelFailedAsync([QueueTrigger(PipelineQueues.ReelJobsPoison, Connection = StorageConnection.PipelineStorage)] string message, CancellationToken cancellationToken) =>
        failures.MarkAsync(message, cancellationToken);
}
