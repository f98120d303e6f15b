using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;

namespace BasicTrust.Functions.GetCase;

/// <summary><c>GET /api/cases/{caseId}</c>: the caller's role and, for the owner, the reviewers it is shared with.</summary>
public sealed class GetCaseFunction
{
    [Function("GetCase"), CaseEndpoint(CaseAction.View)]
    public Ok<CaseDetails> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}")] HttpRequest request, string caseId)
    {
        var call = CaseCall.Of(request);
        var found = call.Case!;
        var role = found.RoleOf(call.Who.ObjectId);
        // Who else works on the case is the owner's to know.
        return TypedResults.Ok(role == CaseRole.Owner
            ? new CaseDetails(caseId, role, found.CreatedAt, found.Owner, found.Reviewers)
            : new CaseDetails(caseId, role, found.CreatedAt));
    }
}
