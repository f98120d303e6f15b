using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.DevHost.SampleApp.Conformance;

/// <summary>Blob triggers whose binding shape decides what the host sends.</summary>
public sealed class BlobConformance
{
    /// <summary>
    /// A BlobClient trigger whose first output has a <c>{…}</c> expression: the real host then sends the content,
    /// not a reference, and the worker cannot make a BlobClient of it. It never succeeds, in Azure or locally.
    /// </summary>
    [Function("ConfBlobClientWithExpression")]
    [QueueOutput("conf-expr-{caseId}", Connection = "PipelineStorage")]
    public static string WithExpression([BlobTrigger("conf-expr/{caseId}/item.json", Connection = "PipelineStorage")] BlobClient blob, string caseId) =>
        $"{caseId} {blob.Name}";

    /// <summary>
    /// Waits until as many blobs of this function run at once as the blob asks for (or a peer reached that before),
    /// then says how many it saw: with <c>maxDegreeOfParallelism</c> N, never more than N.
    /// </summary>
    [Function("ConfParallelBlobs")]
    [QueueOutput("conf-parallel-out", Connection = "PipelineStorage")]
    public static async Task<string> Parallel([BlobTrigger("conf-parallel/{name}", Connection = "PipelineStorage")] string target, CancellationToken cancellationToken)
    {
        var wanted = int.Parse(target.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var now = Interlocked.Increment(ref s_running);
        InterlockedMax(ref s_peak, now);
        try
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(TimeSpan.FromSeconds(30));
            while (Volatile.Read(ref s_peak) < wanted && !patience.IsCancellationRequested)
                await Task.Delay(20, CancellationToken.None);
            return Volatile.Read(ref s_peak).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            Interlocked.Decrement(ref s_running);
        }
    }

    static int s_running;
    static int s_peak;

    static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
