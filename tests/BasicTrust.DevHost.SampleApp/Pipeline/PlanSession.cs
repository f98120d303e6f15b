using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.DevHost.SampleApp.Pipeline;

/// <summary>Several outputs at once: each property with an output attribute is its own binding.</summary>
public sealed class PlanResult
{
    [QueueOutput("clip-jobs", Connection = "PipelineStorage")]
    public ClipJob[] Jobs { get; init; } = [];

    /// <summary>A queue name with a binding expression, filled from the trigger's path tokens.</summary>
    [QueueOutput("audit-{caseId}", Connection = "PipelineStorage")]
    public string? Audit { get; init; }
}

/// <summary>Blob trigger with an SDK-type parameter (deferred binding), as the real PlanSession.</summary>
public sealed class PlanSession
{
    [Function(nameof(PlanSession))]
    public static async Task<PlanResult> Run(
        [BlobTrigger("recordings/{caseId}/{sessionId}/session.json", Connection = "PipelineStorage")] BlobClient blob,
        string caseId, string sessionId, CancellationToken cancellationToken)
    {
        var content = (await blob.DownloadContentAsync(cancellationToken)).Value.Content;
        using var manifest = JsonDocument.Parse(content);
        if (manifest.RootElement.TryGetProperty("fail", out var fail) && fail.GetBoolean())
            throw new InvalidOperationException("The manifest asked to fail.");
        var clips = manifest.RootElement.TryGetProperty("clips", out var c) ? c.GetInt32() : 1;
        return new PlanResult
        {
            Jobs = [.. Enumerable.Range(0, clips).Select(i => new ClipJob(caseId, sessionId, i))],
            Audit = $"planned {clips} from {blob.Name}",
        };
    }
}
