using BasicTrust.Functions.Pipeline;
using BasicTrust.Storage;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.Functions.MarkFailed;

/// <summary>What ends on a poison queue marks its session failed, with the reason the last attempt recorded.</summary>
public sealed class MarkFailedFunction(Failures failures)
{
    [Function("MarkFailed")]
    public Task MarkClipFailedAsync([QueueTrigger("clip-jobs-poison", Connection = StorageConnection.PipelineStorage)] string message, CancellationToken cancellationToken) =>
        failures.MarkAsync(message, cancellationToken);

    [Function("MarkReelFailed")]
    public Task MarkReelFailedAsync([QueueTrigger("reel-jobs-poison", Connection = StorageConnection.PipelineStorage)] string message, CancellationToken cancellationToken) =>
        failures.MarkAsync(message, cancellationToken);
}
