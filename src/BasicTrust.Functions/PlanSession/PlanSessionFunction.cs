using Azure.Storage.Blobs;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Functions.Telemetry;
using BasicTrust.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace BasicTrust.Functions.PlanSession;

/// <summary>Plans a session when its manifest arrives, and queues one clip job per clip.</summary>
public sealed class PlanSessionFunction(SessionPlanning planning, ILogger<PlanSessionFunction> logger)
{
    /// <summary>Binds the manifest's <see cref="BlobClient"/>: the host sends a reference, never the content (or a video).</summary>
    [Function("PlanSession")]
    [QueueOutput(PipelineQueues.ClipJobs, Connection = StorageConnection.PipelineStorage)]
    public async Task<IReadOnlyList<ClipJob>> RunAsync(
        [BlobTrigger("recordings/{caseId}/{sessionId}/session.json", Source = BlobTriggerSource.EventGrid, Connection = StorageConnection.PipelineStorage)] BlobClient manifest,
        string caseId, string sessionId, CancellationToken cancellationToken)
    {
        var session = Messages.Session(caseId, sessionId);
        var content = (await manifest.DownloadContentAsync(cancellationToken)).Value;
        var upload = content.Details.Metadata.TryGetValue(PipelineTelemetry.TraceParentMetadata, out var traceParent) ? traceParent : null;
        using var step = PipelineTelemetry.StartStep("plan", session, upload);
        var jobs = await planning.PlanAsync(session, content.Content.ToString(), content.Details.ETag.ToString(), cancellationToken);
        logger.LogInformation("{Session}: {Count} clip jobs queued", session, jobs.Count);
        return [.. jobs.Select(j => j with { TraceParent = PipelineTelemetry.Current })];
    }
}
