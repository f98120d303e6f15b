using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Storage.Queues;

namespace BasicTrust.Functions.Pipeline;

/// <summary>The pipeline's queues on the app's storage connection, read as raw wire text (see <see cref="QueueText"/>).</summary>
public sealed class PipelineQueues(QueueServiceClient service)
{
    /// <summary>One message per clip to cut (<see cref="ClipJob"/>).</summary>
    public const string ClipJobs = "clip-jobs";
    /// <summary>One message per plan whose clips are all cut (<see cref="ReelJob"/>).</summary>
    public const string ReelJobs = "reel-jobs";
    /// <summary>The review index's feed (<see cref="ReelReady"/>).</summary>
    public const string ReelsReady = "reels-ready";
    /// <summary>Where the host moves a clip job that exhausted its retries.</summary>
    public const string ClipJobsPoison = ClipJobs + "-poison";
    /// <summary>Where the host moves a reel job that exhausted its retries.</summary>
    public const string ReelJobsPoison = ReelJobs + "-poison";
    /// <summary>One message per preview a page asked for (<see cref="PreviewJob"/>), and where the host moves one it gave up on.</summary>
    public const string PreviewJobs = "preview-jobs";
    public const string PreviewJobsPoison = PreviewJobs + "-poison";
    /// <summary>The mails waiting to be sent (<see cref="MailJob"/>), and where the host moves one it gave up on.</summary>
    public const string MailOutbox = "mail-outbox";
    public const string MailOutboxPoison = MailOutbox + "-poison";

    /// <summary>Where the Functions host moves a blob (the manifest) a blob trigger kept failing on; the host names it.</summary>
    public const string BlobTriggerPoison = "webjobs-blobtrigger-poison";

    /// <summary>Every queue a case can leave messages in.</summary>
    public static readonly IReadOnlyList<string> All = [ClipJobs, ClipJobsPoison, ReelJobs, ReelJobsPoison, ReelsReady, MailOutbox, MailOutboxPoison, PreviewJobs, PreviewJobsPoison, BlobTriggerPoison];

    /// <summary>
    /// The poison queues the host made of the pipeline's queues that no function reads (<c>clip-jobs-poison-poison</c>,
    /// <c>reels-ready-poison</c>, …) and that exist; none is created. A purge looks through these. The queues in
    /// <see cref="All"/> have readers that drop a purged case's messages themselves (the tombstone, within seconds);
    /// looking through those would take other families' messages off their readers and count a delivery against each,
    /// so a purge could send another family's jobs to poison.
    /// </summary>
    public async IAsyncEnumerable<QueueClient> UnreadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var queue in service.GetQueuesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            if (!All.Contains(queue.Name) && All.Any(name => queue.Name.StartsWith(name + "-poison", StringComparison.Ordinal)))
                yield return service.GetQueueClient(queue.Name);
    }

    /// <summary>
    /// Whether a message (its text) is about <paramref name="caseId"/>: the pipeline's messages carry a <c>caseId</c>,
    /// the host's blob poison messages the blob's path (<c>blobName</c> under <c>recordings/{caseId}/</c>).
    /// </summary>
    public static bool NamesCase(string text, string caseId)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return false;
            // Any spelling of a field counts, and any of its repeats: a purge errs on the side of removing.
            bool Has(string name, Func<string, bool> matches) => json.RootElement.EnumerateObject().Any(p =>
                string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String && matches(p.Value.GetString()!));
            return Has("caseId", id => id == caseId)
                || (Has("containerName", c => c == SessionKey.Recordings) && Has("blobName", b => b.StartsWith(caseId + "/", StringComparison.Ordinal)));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A message's text: base64 decoded as the host writes it, or as it is when it is not base64.</summary>
    public static string QueueText(string wire)
    {
        var buffer = new byte[wire.Length];
        return Convert.TryFromBase64String(wire, buffer, out var length) ? System.Text.Encoding.UTF8.GetString(buffer, 0, length) : wire;
    }
}
