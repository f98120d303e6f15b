using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Functions.ReviewReel;

namespace BasicTrust.Functions.ListSessions;

/// <summary>
/// <c>GET /api/cases/{caseId}/sessions</c>: the case's sessions that have a status (their manifest was received), the
/// latest change first, read from their <c>status.json</c>; once planned also the next feedback session (from the
/// plan), and for a ready reel its review's verdict and comment count.
/// </summary>
public sealed class ListSessionsFunction(StatusBoard status, Reviews reviews, PipelineStore store)
{
    [Function("ListSessions"), CaseEndpoint(CaseAction.View)]
    public async Task<Ok<IReadOnlyList<SessionSummary>>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/sessions")] HttpRequest request, string caseId)
    {
        var context = request.HttpContext;
        var sessions = new List<SessionSummary>();
        await foreach (var (session, current) in status.ListAsync(caseId, context.RequestAborted))
        {
            var summary = new SessionSummary(session.SessionId, current.State, current.ClipsDone, current.ClipsTotal, current.UpdatedAt);
            if (current.PlanId is { } planned)
                summary = summary with { NextSessionAt = (await store.ReadAsync<PlanDocument>(SessionKey.Pipeline, session.Plan(planned), context.RequestAborted)).Value?.NextSessionAt };
            if (current is { State: SessionState.Ready, PlanId: { } planId })
            {
                var round = (await reviews.GetAsync(session, context.RequestAborted)).RoundOf(planId);
                summary = summary with { Decision = round.Decision, Comments = round.Comments.Count, Round = round.Number };
            }
            sessions.Add(summary);
        }
        return TypedResults.Ok<IReadOnlyList<SessionSummary>>([.. sessions.OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.SessionId, StringComparer.Ordinal)]);
    }
}
