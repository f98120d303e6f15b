using Microsoft.Azure.Functions.Worker;
using System.Text.Json;
using Azure.Storage.Queues;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.IndexReadyReel;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.PurgeCase;

/// <summary>
/// <c>DELETE /api/cases/{caseId}</c>: consent withdrawn. Records the intent in the audit log, leaves a tombstone so
/// work in flight writes nothing new (Sweep removes what slipped through), removes every blob of the case, the
/// host's trigger receipts naming it, its review index rows and its messages from the poison queues no function reads
/// (the functions reading the others drop a purged case's messages themselves), then records what was removed. Run
/// again on a purged case it removes what an earlier run left and answers when the case was purged.
/// </summary>
public sealed class PurgeCaseFunction(PipelineStore store, CaseData data, ReviewIndex index, PipelineQueues queues, CaseAccess cases, AuditLog audit, TimeProvider clock)
{
    [Function("PurgeCase"), CaseEndpoint(CaseAction.Purge), RequestDeadline(200)]
    public async Task<Results<Ok<CasePurged>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "cases/{caseId}")] HttpRequest request, string caseId)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var call = CaseCall.Of(request);
        var (record, who) = (call.Case, call.Who.ObjectId);
        // A case stored before access records existed has none: it is purged when something of it is stored.
        if (record is null && await data.CountAsync(caseId, cancellationToken) == 0) return ApiResults.NotFound("api.no-case.detail", ("caseId", caseId));

        // Run again, a purge finishes one that failed part-way (usually there is nothing left) and says when the case was purged.
        var before = record?.PurgedAt ?? (await store.ReadAsync<Tombstone>(SessionKey.Audit, PipelineStore.Tombstone(caseId), cancellationToken)).Value?.PurgedAt;

        // The intent is recorded before anything is deleted, and the tombstone stops work in flight from writing anew.
        await audit.WriteAsync(who, "purge-requested", caseId, null, cancellationToken);
        if (before is null)
            await store.Blob(SessionKey.Audit, PipelineStore.Tombstone(caseId))
                .UploadAsync(BinaryData.FromObjectAsJson(new Tombstone(caseId, clock.GetUtcNow()), Json.Options), overwrite: true, cancellationToken);
        // From here on nobody gets a link or writes to the case; the purge itself may still run again (CaseGate).
        if (record is { PurgedAt: null }) await cases.MarkPurgedAsync(caseId, clock.GetUtcNow(), cancellationToken);
        var blobs = await data.DeleteAsync(caseId, cancellationToken);
        var reviews = await index.RemoveCaseAsync(caseId, cancellationToken);
        var messages = 0;
        await foreach (var queue in queues.UnreadAsync(cancellationToken)) messages += await PurgeQueueAsync(queue, caseId, cancellationToken);
        var removed = new PurgeCounts(blobs, reviews, messages);
        await audit.WriteAsync(new AuditEntry(clock.GetUtcNow(), who, "purge-case", caseId, Details: removed), cancellationToken);
        return TypedResults.Ok(new CasePurged(caseId, removed, before));
    }

    /// <summary>
    /// Takes every visible message, deletes the case's and lets the others go at once. Messages another reader holds
    /// (a worker, or a purge of another case looking through the same queue) are invisible for a moment, so while the
    /// queue holds more than this pass saw, it looks again, a few times, a second apart.
    /// </summary>
    static async Task<int> PurgeQueueAsync(QueueClient queue, string caseId, CancellationToken cancellationToken)
    {
        var removed = 0;
        for (var pass = 1; ; pass++)
        {
            var (deleted, seen) = await PurgePassAsync(queue, caseId, cancellationToken);
            removed += deleted;
            var left = (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            if (left <= seen || pass == 5) return removed;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>One look through the visible messages: how many of the case's were deleted, and how many others were seen.</summary>
    static async Task<(int Deleted, int Seen)> PurgePassAsync(QueueClient queue, string caseId, CancellationToken cancellationToken)
    {
        var (removed, seen) = (0, new HashSet<string>());
        while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30), cancellationToken)).Value is { Length: > 0 } batch)
        {
            foreach (var message in batch)
            {
                if (PipelineQueues.NamesCase(PipelineQueues.QueueText(message.MessageText), caseId))
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
