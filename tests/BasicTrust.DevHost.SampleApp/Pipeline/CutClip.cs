using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.DevHost.SampleApp.Pipeline;

/// <summary>Queue trigger with a typed message; the returned array becomes one message per element.</summary>
public sealed class CutClip
{
    [Function(nameof(CutClip))]
    [QueueOutput("reel-jobs", Connection = "PipelineStorage")]
    public static async Task<ReelJob[]> Run(
        [QueueTrigger("clip-jobs", Connection = "PipelineStorage")] ClipJob job, long dequeueCount, CancellationToken cancellationToken)
    {
        // Slow only on the first delivery, so a test can kill the worker meanwhile and see the retry succeed.
        if (job.DelayMs > 0 && dequeueCount == 1) await Task.Delay(job.DelayMs, cancellationToken);
        if (job.Fail) throw new InvalidOperationException($"Clip {job.Index} failed on attempt {dequeueCount}.");
        return [.. Enumerable.Range(1, job.Parts).Select(p => new ReelJob(job.CaseId, job.SessionId, job.Index, p))];
    }
}
