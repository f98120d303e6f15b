using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.IndexReadyReel;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.MarkReviewed;

/// <summary>
/// <c>POST /api/reels/{caseId}/{sessionId}/reviewed</c>: takes the ready reel off the review queue (idempotent). The
/// create-only marker makes the audit entry once; the index row's flag is set after it, so a repeated request
/// completes what a failed one left half done.
/// </summary>
public sealed class MarkReviewedFunction(PipelineStore store, StatusBoard status, ReviewIndex index, CaseGate gate, AuditLog audit)
{
    [Function("MarkReviewed")]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reels/{caseId}/{sessionId}/reviewed")] HttpRequest request, string caseId, string sessionId)
    {
        var context = request.HttpContext;
        if (!ApiResults.TrySession(caseId, sessionId, out var session, out var problem)) return problem!;
        if ((await gate.CheckAsync(context, caseId, CaseAction.Review)).Refusal is { } refusal) return refusal;
        if (await status.GetAsync(session, context.RequestAborted) is not { State: SessionState.Ready, PlanId: { } planId })
            return ApiResults.NotFound($"Session {session.Folder} has no ready reel.");
        var who = Principal.Of(context).ObjectId;
        if (await store.CreateMarkerAsync(session.Reviewed(planId), who, context.RequestAborted))
            await audit.WriteAsync(who, "reviewed", $"{SessionKey.Reels}/{session.PlanFolder(planId)}", null, context.RequestAborted);
        await index.MarkReviewedAsync(session, planId, context.RequestAborted);
        return Results.Json(new { session.CaseId, session.SessionId, planId, reviewed = true }, Json.Options);
    }
}
