using BasicTrust.Functions.Pipeline;
using BasicTrust.Storage;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.Functions.IndexReadyReel;

/// <summary>The <c>reels-ready</c> consumer: puts the ready reel on the review queue (the index), once per session.</summary>
public sealed class IndexReadyReelFunction(ReviewIndex index, ILogger<IndexReadyReelFunction> logger)
{
    [Function("IndexReadyReel")]
    public async Task RunAsync([QueueTrigger(PipelineQueues.ReelsReady, Connection = StorageConnection.PipelineStorage)] ReelReady message, CancellationToken cancellationToken)
    {
        var session = Messages.Session(message.CaseId, message.SessionId);
        var planId = Messages.PlanId(message.PlanId);
        var outcome = await index.IndexAsync(session, planId, cancellationToken);
        logger.LogInformation("Review index: plan {PlanId} {Outcome}", planId, outcome);
    }
}
