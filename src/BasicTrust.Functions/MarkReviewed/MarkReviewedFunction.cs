using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.ReviewReel;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.MarkReviewed;

/// <summary><c>POST /api/reels/{caseId}/{sessionId}/reviewed</c>: takes the ready reel off the review queue (idempotent), without a verdict.</summary>
public sealed class MarkReviewedFunction(StatusBoard status, Reviews reviews)
{
    [Function("MarkReviewed"), CaseEndpoint(CaseAction.Review)]
    public async Task<Results<Ok<MarkedReviewed>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reels/{caseId}/{sessionId}/reviewed")] HttpRequest request)
    {
        var (context, call) = (request.HttpContext, CaseCall.Of(request));
        var session = call.Session;
        if (!call.GivesVerdict) return ApiResults.ReviewersVerdict();
        if (await status.ReadyPlanAsync(session, context.RequestAborted) is not { } planId) return ApiResults.NoReadyReel(session);
        await reviews.MarkReviewedAsync(session, planId, call.Who.ObjectId, context.RequestAborted);
        return TypedResults.Ok(new MarkedReviewed(session.CaseId, session.SessionId, planId, Reviewed: true));
    }
}
