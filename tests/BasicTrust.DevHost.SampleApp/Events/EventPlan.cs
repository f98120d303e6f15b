using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.DevHost.SampleApp.Events;

/// <summary>
/// A blob trigger on Event Grid (<c>source: EventGrid</c>), as the real PlanSession: it runs on the events the DevHost's
/// stand-in for Event Grid delivers to the blob webhook. Writes one line per run to <c>blob-events</c> (a fixed name: an expression there would make the host send the content, see FunctionDefinition.SendsReference); a blob
/// whose text is <c>fail</c> fails every time.
/// </summary>
public sealed class EventPlan
{
    [Function(nameof(EventPlan))]
    [QueueOutput("blob-events", Connection = "PipelineStorage")]
    public static async Task<string> Run(
        [BlobTrigger("events/{caseId}/{sessionId}/session.json", Source = BlobTriggerSource.EventGrid, Connection = "PipelineStorage")] BlobClient blob,
        string caseId, string sessionId, CancellationToken cancellationToken)
    {
        var content = (await blob.DownloadContentAsync(cancellationToken)).Value;
        if (content.Content.ToString() == "fail") throw new InvalidOperationException("The blob asked to fail.");
        return $"{caseId} {sessionId} {content.Details.ETag} {content.Content}";
    }
}
