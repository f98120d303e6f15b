using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.ReviewReel;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.MarkReviewed;

/// <summary><c>POST /api/reels/{caseId}/{sessionId}/reviewed</c>: takes the ready reel off the review queue (idempotent), without a verdict.</summary>
public sealed class MarkReviewedFunction(StatusBoard status, Reviews reviews, CaseGate gate)
{
    [Function("MarkReviewed")]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reels/{caseId}/{sessionId}/reviewed")] HttpRequest request, string caseId, string sessionId)
    {
        var context = request.HttpContext;
        if (!ApiResults.TrySession(caseId, sessionId, out var session, out var problem)) return problem!;
        if ((await gate.CheckAsync(context, caseId, CaseAction.Review)).Refusal is { } refusal) return refusal;
        if (await status.ReadyPlanAsync(session, context.RequestAborted) is not { } planId) return ApiResults.NoReadyReel(session);
        await reviews.MarkReviewedAsync(session, planId, Principal.Of(context).ObjectId, context.RequestAborted);
        return Results.Json(new { session.CaseId, session.SessionId, planId, reviewed = true }, Json.Options);
    }
}
