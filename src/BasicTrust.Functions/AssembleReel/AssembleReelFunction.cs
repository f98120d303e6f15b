using BasicTrust.Functions.Telemetry;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace BasicTrust.Functions.AssembleReel;

/// <summary>Builds the reel of a plan and announces it on <c>reels-ready</c>.</summary>
public sealed class AssembleReelFunction(ReelAssembly assembly, ILogger<AssembleReelFunction> logger)
{
    [Function("AssembleReel")]
    [QueueOutput(PipelineQueues.ReelsReady, Connection = StorageConnection.PipelineStorage)]
    public async Task<ReelReady[]> RunAsync(
        [QueueTrigger(PipelineQueues.ReelJobs, Connection = StorageConnection.PipelineStorage)] ReelJob job, string id, DateTimeOffset insertionTime, CancellationToken cancellationToken)
    {
        PipelineTelemetry.Waited(PipelineQueues.ReelJobs, insertionTime, DateTimeOffset.UtcNow);
        using var step = PipelineTelemetry.StartStep("reel", Messages.Session(job.CaseId, job.SessionId), job.TraceParent, ("basictrust.plan_id", job.PlanId));
        var ready = await assembly.AssembleAsync(job, id, cancellationToken);
        logger.LogInformation("Reel {PlanId} {Outcome}", job.PlanId, ready is null ? "skipped" : "ready");
        return ready is null ? [] : [ready with { TraceParent = PipelineTelemetry.Current }];
    }
}
