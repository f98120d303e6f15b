using BasicTrust.Functions.Pipeline;
using BasicTrust.Storage;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.Functions.MakePreview;

/// <summary>Makes the preview a page asked for, one per <c>preview-jobs</c> message (<see cref="RecordingPreviews.MakeRequestedAsync"/>).</summary>
public sealed class MakeRequestedPreviewFunction(RecordingPreviews previews)
{
    [Function("MakeRequestedPreview")]
    public Task RunAsync([QueueTrigger(PipelineQueues.PreviewJobs, Connection = StorageConnection.PipelineStorage)] PreviewJob job, CancellationToken cancellationToken) =>
        previews.MakeRequestedAsync(Messages.Session(job.CaseId, job.SessionId), cancellationToken);
}
