using BasicTrust.Functions.Pipeline;
using BasicTrust.Functions.Telemetry;
using BasicTrust.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace BasicTrust.Functions.CutClip;

/// <summary>Cuts one clip per <c>clip-jobs</c> message; the worker that completes the set queues the reel.</summary>
public sealed class CutClipFunction(ClipCutting cutting, ILogger<CutClipFunction> logger)
{
    [Function("CutClip")]
    [QueueOutput(PipelineQueues.ReelJobs, Connection = StorageConnection.PipelineStorage)]
    public async Task<ReelJob[]> RunAsync(
        [QueueTrigger(PipelineQueues.ClipJobs, Connection = StorageConnection.PipelineStorage)] ClipJob job, long dequeueCount, DateTimeOffset insertionTime, CancellationToken cancellationToken)
    {
        PipelineTelemetry.Waited(PipelineQueues.ClipJobs, insertionTime, DateTimeOffset.UtcNow);
        using var step = PipelineTelemetry.StartStep("clip", Messages.Session(job.CaseId, job.SessionId), job.TraceParent,
            ("basictrust.plan_id", job.PlanId), ("basictrust.clip_id", job.ClipId), ("basictrust.attempt", dequeueCount));
        var reel = await cutting.CutAsync(job, isRetry: dequeueCount > 1, cancellationToken);
        logger.LogInformation("Clip {ClipId} done", job.ClipId);
        return reel is null ? [] : [reel with { TraceParent = PipelineTelemetry.Current }];
    }
}
