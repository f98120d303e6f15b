using System.Diagnostics;
using Azure.Storage.Blobs;
using BasicTrust.Functions.Telemetry;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Storage;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.Functions.MakePreview;

/// <summary>Fires for every blob of a session's upload folder; only recordings (video file names) get a preview check.</summary>
public sealed class MakePreviewFunction(RecordingPreviews previews)
{
    [Function("MakePreview")]
    public async Task RunAsync(
        [BlobTrigger("recordings/{caseId}/{sessionId}/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageConnection.PipelineStorage)] BlobClient recording,
        string caseId, string sessionId, string name, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await previews.MakeAsync(Messages.Session(caseId, sessionId), name, cancellationToken);
        PipelineTelemetry.PreviewMade(Stopwatch.GetElapsedTime(started));
    }
}
