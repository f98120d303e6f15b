using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;

namespace BasicTrust.Functions.ShareCase;

/// <summary>
/// <c>PUT</c> and <c>DELETE /api/cases/{caseId}/reviewers/{objectId}</c>: the owner shares the case with a reviewer
/// (a supervisor, by Entra object id) or takes the share back. Both are idempotent and audited.
/// </summary>
public sealed class ShareCaseFunction(CaseAccess cases, AuditLog audit)
{
    [Function("ShareCase"), CaseEndpoint(CaseAction.Share)]
    public Task<Results<Ok<CaseShares>, ProblemHttpResult>> ShareAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "cases/{caseId}/reviewers/{objectId}")] HttpRequest request,
        string objectId) => ChangeAsync(request, objectId, share: true);

    [Function("UnshareCase"), CaseEndpoint(CaseAction.Share)]
    public Task<Results<Ok<CaseShares>, ProblemHttpResult>> UnshareAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "cases/{caseId}/reviewers/{objectId}")] HttpRequest request,
        string objectId) => ChangeAsync(request, objectId, share: false);

    /// <summary>Shares or unshares; <see cref="CaseEdge"/> has checked that <paramref name="objectId"/> is a GUID.</summary>
    async Task<Results<Ok<CaseShares>, ProblemHttpResult>> ChangeAsync(HttpRequest request, string objectId, bool share)
    {
        var (context, call) = (request.HttpContext, CaseCall.Of(request));
        var (caseId, found) = (call.CaseId, call.Case!);
        var id = Guid.ParseExact(objectId, "D").ToString("D");
        if (id == found.Owner)
            return ApiResults.BadRequest("api.not-owner.detail", [FieldProblem.Create("objectId", "not-owner", "problem.not-owner")]);

        if (share) await cases.ShareAsync(caseId, id, context.RequestAborted);
        else await cases.UnshareAsync(caseId, id, context.RequestAborted);
        await audit.WriteAsync(call.Who.ObjectId, share ? "share" : "unshare", $"{caseId}/{id}", null, context.RequestAborted);
        IReadOnlyList<string> reviewers = [.. found.Reviewers.Where(r => r != id).Concat(share ? [id] : []).Order(StringComparer.Ordinal)];
        return TypedResults.Ok(new CaseShares(caseId, found.Owner, reviewers));
    }
}
