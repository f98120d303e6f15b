using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.ReviewReel;

/// <summary>A comment on one clip of a reel.</summary>
public sealed record CommentRequest(string? ClipId, string? Text);

/// <summary>A reviewer's verdict: <c>approve</c> or <c>send-back</c>.</summary>
public sealed record DecisionRequest(ReviewDecision? Decision);

/// <summary>
/// A ready reel's review, for its owner and the reviewers it is shared with:
/// <c>POST /api/reels/{caseId}/{sessionId}/comments</c> <c>{clipId, text}</c> adds a comment to a clip, and
/// <c>POST /api/reels/{caseId}/{sessionId}/decision</c> <c>{decision}</c> approves the reel or sends it back with the
/// comments; either verdict takes it off the review queue. Both answer with the review as the caller sees it
/// (<see cref="ReviewDocument.SeenBy"/>), as <c>GET /api/reels/…</c> returns it with the reel.
/// </summary>
public sealed class ReviewReelFunction(PipelineStore store, StatusBoard status, Reviews reviews, CaseGate gate, TimeProvider clock)
{
    public const int MaxCommentLength = 2000;

    [Function("CommentOnReel")]
    public async Task<IResult> CommentAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reels/{caseId}/{sessionId}/comments")] HttpRequest request, string caseId, string sessionId)
    {
        var (session, planId, found, problem) = await ReadyReelAsync(request, caseId, sessionId);
        if (problem is not null) return problem;
        var (body, unreadable) = await RequestBodies.ReadJsonAsync<CommentRequest>(request, 16 * 1024, "comment", """{"clipId": "…-01", "text": "Mooi moment"}""");
        if (unreadable is not null) return unreadable;
        var plan = (await store.ReadAsync<PlanDocument>(SessionKey.Pipeline, session!.Plan(planId!), request.HttpContext.RequestAborted)).Value;
        var errors = new List<FieldProblem>();
        if (body!.ClipId is null || plan?.Clip(body.ClipId) is null) errors.Add(new FieldProblem("clipId", "clip-of-reel", "clipId must name a clip of this reel."));
        if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > MaxCommentLength)
            errors.Add(new FieldProblem("text", "length", $"text must be 1 to {MaxCommentLength} characters."));
        if (errors.Count > 0) return ApiResults.BadRequest("The comment is not valid.", errors);

        var who = Principal.Of(request.HttpContext).ObjectId;
        var comment = new ReviewComment(body.ClipId!, body.Text!.Trim(), who, clock.GetUtcNow());
        return await reviews.CommentAsync(session, planId!, comment, request.HttpContext.RequestAborted) switch
        {
            (null, _) => ApiResults.Purged(caseId),
            (_, true) => ApiResults.Problem(409, "The reel has all the comments it takes.", $"A reel takes at most {Reviews.MaxComments} comments."),
            (var review, _) => Results.Json(review.SeenBy(found!, who), Json.Options, statusCode: StatusCodes.Status201Created),
        };
    }

    [Function("DecideOnReel")]
    public async Task<IResult> DecideAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reels/{caseId}/{sessionId}/decision")] HttpRequest request, string caseId, string sessionId)
    {
        var (session, planId, found, problem) = await ReadyReelAsync(request, caseId, sessionId);
        if (problem is not null) return problem;
        var (body, unreadable) = await RequestBodies.ReadJsonAsync<DecisionRequest>(request, 4 * 1024, "decision", """{"decision": "approve"}""");
        if (unreadable is not null) return unreadable;
        // The enum converter also takes numbers; only the two verdicts count.
        if (body!.Decision is not { } decision || !Enum.IsDefined(decision))
            return ApiResults.BadRequest("The decision is missing.", [new FieldProblem("decision", "one-of", "decision must be approve or send-back.")]);
        var who = Principal.Of(request.HttpContext).ObjectId;
        var review = await reviews.DecideAsync(session!, planId!, decision, who, request.HttpContext.RequestAborted);
        return review is null ? ApiResults.Purged(caseId) : Results.Json(review.SeenBy(found!, who), Json.Options);
    }

    /// <summary>The session, its ready plan and the case's access record (whose review answers are shaped for the caller), after the access check; or the problem to answer.</summary>
    async Task<(SessionKey? Session, string? PlanId, CaseRecord? Case, IResult? Problem)> ReadyReelAsync(HttpRequest request, string caseId, string sessionId)
    {
        if (!ApiResults.TrySession(caseId, sessionId, out var session, out var problem)) return (null, null, null, problem);
        var (found, refusal) = await gate.CheckAsync(request.HttpContext, caseId, CaseAction.Review);
        if (refusal is not null) return (null, null, null, refusal);
        return await status.ReadyPlanAsync(session, request.HttpContext.RequestAborted) is { } planId
            ? (session, planId, found, null)
            : (null, null, null, ApiResults.NoReadyReel(session));
    }
}
