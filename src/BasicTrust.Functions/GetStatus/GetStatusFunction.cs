using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.GetStatus;

/// <summary><c>GET /api/sessions/{caseId}/{sessionId}</c>: the session's status.json.</summary>
public sealed class GetStatusFunction(StatusBoard status)
{
    [Function("GetStatus"), CaseEndpoint(CaseAction.View)]
    public async Task<Results<Ok<SessionStatus>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sessions/{caseId}/{sessionId}")] HttpRequest request)
    {
        var session = CaseCall.Of(request).Session;
        return await status.GetAsync(session, request.HttpContext.RequestAborted) is { } current
            ? TypedResults.Ok(current.In(ApiLanguage.Of(request)))
            : ApiResults.NotFound("api.no-status.detail", ("session", session.Folder));
    }
}
