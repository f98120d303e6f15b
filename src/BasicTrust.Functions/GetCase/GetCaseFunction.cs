using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.GetCase;

/// <summary><c>GET /api/cases/{caseId}</c>: the caller's role and, for the owner, the reviewers it is shared with.</summary>
public sealed class GetCaseFunction(CaseGate gate)
{
    [Function("GetCase")]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}")] HttpRequest request, string caseId)
    {
        if (ApiResults.IdErrors(("caseId", caseId)) is { Count: > 0 } errors) return ApiResults.BadRequest("An id in the path is not valid.", errors);
        var (found, refusal) = await gate.CheckAsync(request.HttpContext, caseId, CaseAction.View);
        if (refusal is not null) return refusal;
        var role = found!.RoleOf(Principal.Of(request.HttpContext).ObjectId);
        // Who else works on the case is the owner's to know.
        return role == CaseRole.Owner
            ? Results.Json(new { caseId, role, owner = found.Owner, reviewers = found.Reviewers, found.CreatedAt }, Json.Options)
            : Results.Json(new { caseId, role, found.CreatedAt }, Json.Options);
    }
}
