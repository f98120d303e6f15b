using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.GetStatus;

/// <summary><c>GET /api/sessions/{caseId}/{sessionId}</c>: the session's status.json.</summary>
public sealed class GetStatusFunction(StatusBoard status, CaseGate gate)
{
    [Function("GetStatus")]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sessions/{caseId}/{sessionId}")] HttpRequest request, string caseId, string sessionId)
    {
        var context = request.HttpContext;
        if (!ApiResults.TrySession(caseId, sessionId, out var session, out var problem)) return problem!;
        if ((await gate.CheckAsync(context, caseId, CaseAction.View)).Refusal is { } refusal) return refusal;
        return await status.GetAsync(session, context.RequestAborted) is { } current
            ? Results.Json(current, Json.Options)
            : ApiResults.NotFound($"No session {session.Folder}: no manifest has been received for it.");
    }
}
