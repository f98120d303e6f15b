using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Functions.ReviewReel;

namespace BasicTrust.Functions.ListSessions;

/// <summary>One session of a case: where the pipeline is and, once its reel is ready, the review's verdict and how many comments it has.</summary>
public sealed record SessionSummary(string SessionId, SessionState State, int ClipsDone, int ClipsTotal, DateTimeOffset UpdatedAt, ReviewDecision? Decision = null, int? Comments = null);

/// <summary>
/// <c>GET /api/cases/{caseId}/sessions</c>: the case's sessions that have a status (their manifest was received), the
/// latest change first, read from their <c>status.json</c>; for a ready reel also its review's verdict and comment count.
/// </summary>
public sealed class ListSessionsFunction(StatusBoard status, Reviews reviews, CaseGate gate)
{
    [Function("ListSessions")]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/sessions")] HttpRequest request, string caseId)
    {
        var context = request.HttpContext;
        if (ApiResults.IdErrors(("caseId", caseId)) is { Count: > 0 } errors) return ApiResults.BadRequest("An id in the path is not valid.", errors);
        if ((await gate.CheckAsync(context, caseId, CaseAction.View)).Refusal is { } refusal) return refusal;
        var sessions = new List<SessionSummary>();
        await foreach (var (session, current) in status.ListAsync(caseId, context.RequestAborted))
        {
            var summary = new SessionSummary(session.SessionId, current.State, current.ClipsDone, current.ClipsTotal, current.UpdatedAt);
            if (current is { State: SessionState.Ready, PlanId: { } planId })
            {
                var review = await reviews.GetAsync(session, planId, context.RequestAborted);
                summary = summary with { Decision = review.Decision, Comments = review.Comments.Count };
            }
            sessions.Add(summary);
        }
        return Results.Json(sessions.OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.SessionId, StringComparer.Ordinal), Json.Options);
    }
}
