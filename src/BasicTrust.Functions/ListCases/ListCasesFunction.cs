using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.ListCases;

/// <summary><c>GET /api/cases</c>: the caller's cases, those they own and those shared with them, with their role in each.</summary>
public sealed class ListCasesFunction(CaseAccess cases)
{
    [Function("ListCases")]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases")] HttpRequest request)
    {
        var mine = await cases.VisibleToAsync(Principal.Of(request.HttpContext), request.HttpContext.RequestAborted);
        return Results.Json(mine.OrderBy(c => c.CaseId, StringComparer.Ordinal).Select(c => new { c.CaseId, c.Role }), Json.Options);
    }
}
