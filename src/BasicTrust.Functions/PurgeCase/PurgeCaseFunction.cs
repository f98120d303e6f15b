using Microsoft.Azure.Functions.Worker;
using System.Text.Json;
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
        var messages = await queues.RemoveUnreadAsync(caseId, null, cancellationToken);
        var removed = new PurgeCounts(blobs, reviews, messages);
        await audit.WriteAsync(new AuditEntry(clock.GetUtcNow(), who, "purge-case", caseId, Details: removed), cancellationToken);
        return TypedResults.Ok(new CasePurged(caseId, removed, before));
    }
}
