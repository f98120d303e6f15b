using BasicTrust.Functions.Pipeline;
using BasicTrust.Storage;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.Functions.MakePreview;

/// <summary>Makes one segment of a transcoded preview per <c>preview-segments</c> message (<see cref="PreviewSegmenting"/>); one the host gave up on fails the preview.</summary>
public sealed class MakePreviewSegmentFunction(PreviewSegmenting segments)
{
    [Function("MakePreviewSegment")]
    public Task RunAsync([QueueTrigger(PipelineQueues.PreviewSegments, Connection = StorageConnection.PipelineStorage)] PreviewSegmentJob job, CancellationToken cancellationToken) =>
        segments.MakeAsync(job, cancellationToken);

    [Function("MarkPreviewFailed")]
    public Task MarkFailedAsync([QueueTrigger(PipelineQueues.PreviewSegmentsPoison, Connection = StorageConnection.PipelineStorage)] PreviewSegmentJob job, CancellationToken cancellationToken) =>
        segments.FailAsync(job, cancellationToken);
}
