using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.GetStatus;

/// <summary><c>GET /api/sessions/{caseId}/{sessionId}</c>: the session's status.json.</summary>
public static class GetStatusEndpoint
{
    public static void MapGetStatus(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/sessions/{caseId}/{sessionId}", async (string caseId, string sessionId, HttpContext context, StatusBoard status) =>
        {
            if (!ApiResults.TrySession(caseId, sessionId, out var session, out var problem)) return problem!;
            return await status.GetAsync(session, context.RequestAborted) is { } current
                ? Results.Json(current, Invocation.Json.Options)
                : ApiResults.NotFound($"No session {session.Folder}: no manifest has been received for it.");
        });
}
