using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.ReviewReel;

/// <summary>
/// A session's review, for the reel's owner and the reviewers it is shared with, in rounds (<see cref="ReviewDocument"/>):
/// <c>POST /api/reels/{caseId}/{sessionId}/comments</c> <c>{clipId, text, offset?}</c> adds a comment to a clip of the
/// ready reel (at <c>offset</c> seconds into it), or <c>{replyTo, text}</c> a reply; <c>…/comments/{commentId}/addressed</c>
/// (the therapist) and <c>…/comments/{commentId}/resolved</c> (either side) mark a comment of any round;
/// <c>POST /api/reels/{caseId}/{sessionId}/decision</c> <c>{decision}</c> approves the reel or sends it back with the
/// comments; either verdict takes it off the review queue. Each answers with the round as the caller sees it
/// (<see cref="ReviewViews.SeenBy(ReviewRound, Access.CaseRecord, string)"/>), as <c>GET /api/reels/…</c> returns it.
/// </summary>
public sealed class ReviewReelFunction(PipelineStore store, StatusBoard status, Reviews reviews, TimeProvider clock)
{
    public const int MaxCommentLength = 2000;

    [Function("CommentOnReel"), CaseEndpoint(CaseAction.Review)]
    public async Task<Results<Created<ReviewRound>, ProblemHttpResult>> CommentAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reels/{caseId}/{sessionId}/comments")] HttpRequest request)
    {
        var call = CaseCall.Of(request);
        var session = call.Session;
        if (await status.ReadyPlanAsync(session, request.HttpContext.RequestAborted) is not { } planId) return ApiResults.NoReadyReel(session);
        var (body, unreadable) = await RequestBodies.ReadJsonAsync<CommentRequest>(request, 16 * 1024, """{"clipId": "…-01", "text": "Mooi moment", "offset": 2.5}""");
        if (unreadable is not null) return unreadable;
        var plan = (await store.ReadAsync<PlanDocument>(SessionKey.Pipeline, session.Plan(planId), request.HttpContext.RequestAborted)).Value;
        var clip = body!.ClipId is null ? null : plan?.Clip(body.ClipId);
        var errors = new List<FieldProblem>();
        if (body.ReplyTo is null && clip is null) errors.Add(FieldProblem.Create("clipId", "clip-of-reel", "problem.clip-of-reel"));
        if (body.ReplyTo is not null && (body.ClipId is not null || body.Offset is not null))
            errors.Add(FieldProblem.Create("replyTo", "reply-alone", "problem.reply-alone"));
        if (body.Offset is { } offset && clip is not null && !(offset >= 0 && offset <= (clip.Out - clip.In).TotalSeconds))
            errors.Add(FieldProblem.Create("offset", "within-clip", "problem.within-clip", ("max", Math.Round((clip.Out - clip.In).TotalSeconds, 3))));
        if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > MaxCommentLength)
            errors.Add(FieldProblem.Create("text", "length", "problem.length.comment", ("max", MaxCommentLength)));
        if (errors.Count > 0) return ApiResults.BadRequest("api.comment.detail", errors);

        var who = call.Who.ObjectId;
        // Every comment on a clip has a recording time, for the editor: its moment, or else the clip's key moment.
        var recordingAt = clip is null ? (double?)null : Math.Round(body.Offset is { } into ? clip.In.TotalSeconds + into : clip.StillAt.TotalSeconds, 3);
        var comment = new ReviewComment("", planId, body.ClipId ?? "", body.Text!.Trim(), who, clock.GetUtcNow(), body.Offset, recordingAt, body.ReplyTo);
        return await reviews.CommentAsync(session, planId, comment, request.HttpContext.RequestAborted) switch
        {
            (Reviews.CommentOutcome.Purged, _) => ApiResults.Purged(call.CaseId),
            (Reviews.CommentOutcome.Full, _) => ApiResults.Problem(409, "api.comments-full.title", "api.comments-full.detail", null, ("max", Reviews.MaxComments)),
            (Reviews.CommentOutcome.UnknownReply, _) => ApiResults.BadRequest("api.reply.detail", [FieldProblem.Create("replyTo", "comment-of-session", "problem.comment-of-session")]),
            (_, var round) => TypedResults.Created((string?)null, round!.SeenBy(call.Case!, who)),
        };
    }

    [Function("AddressComment"), CaseEndpoint(CaseAction.Upload)]
    public Task<Results<Ok<ReviewRound>, ProblemHttpResult>> AddressAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reels/{caseId}/{sessionId}/comments/{commentId}/addressed")] HttpRequest request, string commentId) =>
        MarkAsync(request, commentId, resolve: false);

    [Function("ResolveComment"), CaseEndpoint(CaseAction.Review)]
    public Task<Results<Ok<ReviewRound>, ProblemHttpResult>> ResolveAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reels/{caseId}/{sessionId}/comments/{commentId}/resolved")] HttpRequest request, string commentId) =>
        MarkAsync(request, commentId, resolve: true);

    async Task<Results<Ok<ReviewRound>, ProblemHttpResult>> MarkAsync(HttpRequest request, string commentId, bool resolve)
    {
        var call = CaseCall.Of(request);
        var session = call.Session;
        var cancellationToken = request.HttpContext.RequestAborted;
        if (!(await reviews.GetAsync(session, cancellationToken)).AllComments.Any(c => c.Id == commentId))
            return ApiResults.NotFound("api.no-comment.detail", ("session", session.Folder));
        if (await reviews.MarkCommentAsync(session, commentId, resolve, call.Who.ObjectId, cancellationToken) is not { } review) return ApiResults.Purged(call.CaseId);
        return TypedResults.Ok(review.Rounds.First(r => r.Comments.Any(c => c.Id == commentId)).SeenBy(call.Case!, call.Who.ObjectId));
    }

    [Function("DecideOnReel"), CaseEndpoint(CaseAction.Review)]
    public async Task<Results<Ok<ReviewRound>, ProblemHttpResult>> DecideAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reels/{caseId}/{sessionId}/decision")] HttpRequest request)
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
        var round = await reviews.DecideAsync(session, planId, decision, who, request.HttpContext.RequestAborted);
        return round is null ? ApiResults.Purged(call.CaseId) : TypedResults.Ok(round.SeenBy(call.Case!, who));
    }
}
