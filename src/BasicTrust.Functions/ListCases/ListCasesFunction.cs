using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;

namespace BasicTrust.Functions.ListCases;

/// <summary><c>GET /api/cases</c>: the caller's cases, those they own and those shared with them, with their role in each.</summary>
public sealed class ListCasesFunction(CaseAccess cases)
{
    [Function("ListCases")]
    public async Task<Ok<IReadOnlyList<CaseSummary>>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases")] HttpRequest request)
    {
        var mine = await cases.VisibleToAsync(Principal.Of(request.HttpContext), request.HttpContext.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<CaseSummary>>([.. mine.OrderBy(c => c.CaseId, StringComparer.Ordinal).Select(c => new CaseSummary(c.CaseId, c.Role))]);
    }
}
