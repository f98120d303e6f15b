using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.CreateCase;

/// <summary>
/// <c>POST /api/cases</c> <c>{caseId}</c>: a therapist creates a case and owns it (201; 200 when it is already theirs;
/// 409 when the id is taken; 410 when it belonged to a purged case). Case ids are pseudonyms, never names.
/// </summary>
public sealed class CreateCaseFunction(CaseAccess cases, CaseGate gate, PipelineStore store, AuditLog audit, TimeProvider clock)
{
    [Function("CreateCase")]
    public async Task<Results<Created<CaseSummary>, Ok<CaseSummary>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases")] HttpRequest request)
    {
        var context = request.HttpContext;
        var who = Principal.Of(context);
        if (!who.Is(AppRoles.Therapist)) return await gate.ForbidAsync(context, "create-case", "api.forbidden.create-case.detail");
        var (body, unreadable) = await RequestBodies.ReadJsonAsync<CaseRequest>(request, 4 * 1024, """{"caseId": "fam-0042"}""");
        if (unreadable is not null) return unreadable;
        if (ApiResults.IdErrors(("caseId", body!.CaseId ?? "")) is { Count: > 0 } errors) return ApiResults.BadRequest("api.case-id.detail", errors);
        var caseId = body.CaseId!;
        // Case ids are chosen by people, so a taken or retired one must be said; both answers are audited.
        if (await store.IsPurgedAsync(caseId, context.RequestAborted))
        {
            await gate.RefusedAsync(context, caseId, "create-case", 410);
            return ApiResults.Purged(caseId);
        }

        var owned = new CaseSummary(caseId, CaseRole.Owner);
        switch (await cases.CreateAsync(caseId, who.ObjectId, clock.GetUtcNow(), context.RequestAborted))
        {
            case CreateOutcome.Taken:
                await gate.RefusedAsync(context, caseId, "create-case", 409);
                return ApiResults.Problem(409, "api.case-taken.title", "api.case-taken.detail", [FieldProblem.Create("caseId", "unique", "problem.unique.case")], ("caseId", caseId));
            case CreateOutcome.Created:
                await audit.WriteAsync(who.ObjectId, "create-case", caseId, null, context.RequestAborted);
                return TypedResults.Created($"/api/cases/{caseId}", owned);
            default:
                return TypedResults.Ok(owned);
        }
    }
}
