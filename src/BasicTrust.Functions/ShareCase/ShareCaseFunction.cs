using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.ShareCase;

/// <summary>
/// <c>PUT</c> and <c>DELETE /api/cases/{caseId}/reviewers/{objectId}</c>: the owner shares the case with a reviewer
/// (a supervisor, by Entra object id) or takes the share back. Both are idempotent and audited.
/// </summary>
public sealed class ShareCaseFunction(CaseAccess cases, CaseGate gate, AuditLog audit)
{
    [Function("ShareCase")]
    public Task<IResult> ShareAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "cases/{caseId}/reviewers/{objectId}")] HttpRequest request,
        string caseId, string objectId) => ChangeAsync(request, caseId, objectId, share: true);

    [Function("UnshareCase")]
    public Task<IResult> UnshareAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "cases/{caseId}/reviewers/{objectId}")] HttpRequest request,
        string caseId, string objectId) => ChangeAsync(request, caseId, objectId, share: false);

    async Task<IResult> ChangeAsync(HttpRequest request, string caseId, string objectId, bool share)
    {
        var context = request.HttpContext;
        var errors = ApiResults.IdErrors(("caseId", caseId));
        if (!Guid.TryParseExact(objectId, "D", out var reviewer))
            errors.Add(new FieldProblem("objectId", "guid", "objectId must be the reviewer's Entra object id (a GUID such as 0b3d…-…)."));
        if (errors.Count > 0) return ApiResults.BadRequest("An id in the path is not valid.", errors);
        var (found, refusal) = await gate.CheckAsync(context, caseId, CaseAction.Share);
        if (refusal is not null) return refusal;
        var id = reviewer.ToString("D");
        if (id == found!.Owner)
            return ApiResults.BadRequest("The owner cannot be a reviewer.", [new FieldProblem("objectId", "not-owner", "The case's owner sees it already.")]);

        if (share) await cases.ShareAsync(caseId, id, context.RequestAborted);
        else await cases.UnshareAsync(caseId, id, context.RequestAborted);
        await audit.WriteAsync(Principal.Of(context).ObjectId, share ? "share" : "unshare", $"{caseId}/{id}", null, context.RequestAborted);
        var reviewers = found.Reviewers.Where(r => r != id).Concat(share ? [id] : []).Order(StringComparer.Ordinal);
        return Results.Json(new { caseId, owner = found.Owner, reviewers }, Json.Options);
    }
}
