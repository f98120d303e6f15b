using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.ReviewReel;

/// <summary>
/// A ready reel's review, for its owner and the reviewers it is shared with:
/// <c>POST /api/reels/{caseId}/{sessionId}/comments</c> <c>{clipId, text}</c> adds a comment to a clip, and
/// <c>POST /api/reels/{caseId}/{sessionId}/decision</c> <c>{decision}</c> approves the reel or sends it back with the
/// comments; either verdict takes it off the review queue. Both answer with the review as the caller sees it
/// (<see cref="ReviewViews.SeenBy"/>), as <c>GET /api/reels/…</c> returns it with the reel.
/// </summary>
public sealed class ReviewReelFunction(PipelineStore store, StatusBoard status, Reviews reviews, TimeProvider clock)
{
    public const int MaxCommentLength = 2000;

    [Function("CommentOnReel"), CaseEndpoint(CaseAction.Review)]
    public async Task<Results<Created<ReviewDocument>, ProblemHttpResult>> CommentAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reels/{caseId}/{sessionId}/comments")] HttpRequest request)
    {
        var call = CaseCall.Of(request);
        var session = call.Session;
        if (await status.ReadyPlanAsync(session, request.HttpContext.RequestAborted) is not { } planId) return ApiResults.NoReadyReel(session);
        var (body, unreadable) = await RequestBodies.ReadJsonAsync<CommentRequest>(request, 16 * 1024, """{"clipId": "…-01", "text": "Mooi moment"}""");
        if (unreadable is not null) return unreadable;
        var plan = (await store.ReadAsync<PlanDocument>(SessionKey.Pipeline, session.Plan(planId), request.HttpContext.RequestAborted)).Value;
        var errors = new List<FieldProblem>();
        if (body!.ClipId is null || plan?.Clip(body.ClipId) is null) errors.Add(FieldProblem.Create("clipId", "clip-of-reel", "problem.clip-of-reel"));
        if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > MaxCommentLength)
            errors.Add(FieldProblem.Create("text", "length", "problem.length.comment", ("max", MaxCommentLength)));
        if (errors.Count > 0) return ApiResults.BadRequest("api.comment.detail", errors);

        var who = call.Who.ObjectId;
        var comment = new ReviewComment(body.ClipId!, body.Text!.Trim(), who, clock.GetUtcNow());
        return await reviews.CommentAsync(session, planId, comment, request.HttpContext.RequestAborted) switch
        {
            (null, _) => ApiResults.Purged(call.CaseId),
            (_, true) => ApiResults.Problem(409, "api.comments-full.title", "api.comments-full.detail", null, ("max", Reviews.MaxComments)),
            (var review, _) => TypedResults.Created((string?)null, review.SeenBy(call.Case!, who)),
        };
    }

    [Function("DecideOnReel"), CaseEndpoint(CaseAction.Review)]
    public async Task<Results<Ok<ReviewDocument>, ProblemHttpResult>> DecideAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reels/{caseId}/{sessionId}/decision")] HttpRequest request)
    {
        var call = CaseCall.Of(request);
        var session = call.Session;
        if (await status.ReadyPlanAsync(session, request.HttpContext.RequestAborted) is not { } planId) return ApiResults.NoReadyReel(session);
        var (body, unreadable) = await RequestBodies.ReadJsonAsync<DecisionRequest>(request, 4 * 1024, """{"decision": "approve"}""");
        if (unreadable is not null) return unreadable;
        if (ReviewDecisions.Parse(body!.Decision) is not { } decision)
            return ApiResults.BadRequest("api.decision.detail", [FieldProblem.Create("decision", "one-of", "problem.one-of.decision")]);
        var who = call.Who.ObjectId;
        if (!call.GivesVerdict) return ApiResults.ReviewersVerdict();
        var review = await reviews.DecideAsync(session, planId, decision, who, request.HttpContext.RequestAborted);
        return review is null ? ApiResults.Purged(call.CaseId) : TypedResults.Ok(review.SeenBy(call.Case!, who));
    }
}
