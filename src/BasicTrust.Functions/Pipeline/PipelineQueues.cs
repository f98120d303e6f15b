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
    /// <summary>One message per segment of a transcoded preview (<see cref="PreviewSegmentJob"/>), and where the host moves one it gave up on.</summary>
    public const string PreviewSegments = "preview-segments";
    public const string PreviewSegmentsPoison = PreviewSegments + "-poison";
    /// <summary>The mails waiting to be sent (<see cref="MailJob"/>), and where the host moves one it gave up on.</summary>
    public const string MailOutbox = "mail-outbox";
    public const string MailOutboxPoison = MailOutbox + "-poison";

    /// <summary>Where the Functions host moves a blob (the manifest) a blob trigger kept failing on; the host names it.</summary>
    public const string BlobTriggerPoison = "webjobs-blobtrigger-poison";

    /// <summary>Every queue a case can leave messages in.</summary>
    public static readonly IReadOnlyList<string> All = [ClipJobs, ClipJobsPoison, ReelJobs, ReelJobsPoison, ReelsReady, MailOutbox, MailOutboxPoison, PreviewJobs, PreviewJobsPoison, PreviewSegments, PreviewSegmentsPoison, BlobTriggerPoison];

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
    /// Whether a message (its text) is about <paramref name="caseId"/>, or only its session <paramref name="sessionId"/>
    /// when one is given: the pipeline's messages carry a <c>caseId</c> and <c>sessionId</c>, the host's blob poison
    /// messages the blob's path (<c>blobName</c> under <c>recordings/{caseId}/{sessionId}/</c>).
    /// </summary>
    public static bool NamesCase(string text, string caseId, string? sessionId = null)
    {
        var folder = sessionId is null ? caseId + "/" : $"{caseId}/{sessionId}/";
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return false;
            // Any spelling of a field counts, and any of its repeats: a purge errs on the side of removing.
            bool Has(string name, Func<string, bool> matches) => json.RootElement.EnumerateObject().Any(p =>
                string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String && matches(p.Value.GetString()!));
            return (Has("caseId", id => id == caseId) && (sessionId is null || Has("sessionId", id => id == sessionId)))
                || (Has("containerName", c => c == SessionKey.Recordings) && Has("blobName", b => b.StartsWith(folder, StringComparison.Ordinal)));
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

    /// <summary>Removes the case's messages (or only its session's) from the queues no function reads (<see cref="UnreadAsync"/>); returns how many.</summary>
    public async Task<int> RemoveUnreadAsync(string caseId, string? sessionId, CancellationToken cancellationToken)
    {
        var removed = 0;
        await foreach (var queue in UnreadAsync(cancellationToken).ConfigureAwait(false))
            removed += await RemoveAsync(queue, caseId, sessionId, cancellationToken).ConfigureAwait(false);
        return removed;
    }

    /// <summary>
    /// Takes every visible message, deletes the case's (or only its session's) and lets the others go at once. Messages another reader holds
    /// (a worker, or a purge or erasure looking through the same queue) are invisible for a moment, so while the
    /// queue holds more than this pass saw, it looks again, a few times, a second apart.
    /// </summary>
    static async Task<int> RemoveAsync(QueueClient queue, string caseId, string? sessionId, CancellationToken cancellationToken)
    {
        var removed = 0;
        for (var pass = 1; ; pass++)
        {
            var (deleted, seen) = await RemovePassAsync(queue, caseId, sessionId, cancellationToken);
            removed += deleted;
            var left = (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            if (left <= seen || pass == 5) return removed;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>One look through the visible messages: how many of the case's were deleted, and how many others were seen.</summary>
    static async Task<(int Deleted, int Seen)> RemovePassAsync(QueueClient queue, string caseId, string? sessionId, CancellationToken cancellationToken)
    {
        var (removed, seen) = (0, new HashSet<string>());
        while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30), cancellationToken)).Value is { Length: > 0 } batch)
        {
            foreach (var message in batch)
            {
                if (NamesCase(QueueText(message.MessageText), caseId, sessionId))
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    removed++;
                }
                else
                {
                    seen.Add(message.MessageId);
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
                }
            }
            if (batch.All(m => seen.Contains(m.MessageId))) break; // only others' messages are left
        }
        return (removed, seen.Count);
    }
}
