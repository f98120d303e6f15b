using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.DevHost.SampleApp.Pipeline;

/// <summary>The poison queue's trigger, as the real MarkFailed: records which job gave up.</summary>
public sealed class MarkFailed
{
    [Function(nameof(MarkFailed))]
    [QueueOutput("failed-jobs", Connection = "PipelineStorage")]
    public static string Run([QueueTrigger("clip-jobs-poison", Connection = "PipelineStorage")] ClipJob job) =>
        $"{job.CaseId}/{job.SessionId}#{job.Index}";
}
