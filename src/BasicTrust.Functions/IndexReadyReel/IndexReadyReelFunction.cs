using BasicTrust.Functions.Telemetry;
using BasicTrust.Functions.Notifications;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Storage;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.Functions.IndexReadyReel;

/// <summary>
/// The <c>reels-ready</c> consumer: puts the ready reel on the review queue (the index), once per session, and has the
/// case's reviewers and owner told by mail.
/// </summary>
public sealed class IndexReadyReelFunction(ReviewIndex index, Notifier notifier, ILogger<IndexReadyReelFunction> logger)
{
    [Function("IndexReadyReel")]
    public async Task RunAsync([QueueTrigger(PipelineQueues.ReelsReady, Connection = StorageConnection.PipelineStorage)] ReelReady message, DateTimeOffset insertionTime, CancellationToken cancellationToken)
    {
        var session = Messages.Session(message.CaseId, message.SessionId);
        var planId = Messages.PlanId(message.PlanId);
        PipelineTelemetry.Waited(PipelineQueues.ReelsReady, insertionTime, DateTimeOffset.UtcNow);
        using var step = PipelineTelemetry.StartStep("index", session, message.TraceParent, ("basictrust.plan_id", planId));
        var outcome = await index.IndexAsync(session, planId, cancellationToken);
        logger.LogInformation("Review index: plan {PlanId} {Outcome}", planId, outcome);
        // Unchanged too: a redelivery after the row was written but before the mails were queued still queues them.
        if (outcome is IndexOutcome.Indexed or IndexOutcome.Unchanged) await notifier.ReelReadyAsync(session, planId, cancellationToken);
    }
}
