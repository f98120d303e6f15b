using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;

namespace BasicTrust.Functions.Consent;

/// <summary>
/// <c>GET /api/privacy/cases</c>, privacy officers only: every case that is not purged with its consents, the
/// recordings missing consent, when its recordings are deleted and its hold (pseudonymous ids only). Reading it is audited.
/// </summary>
public sealed class PrivacyOverviewFunction(CaseAccess cases, CaseGate gate, AuditLog audit, IOptions<PrivacyOptions> options)
{
    [Function("PrivacyOverview")]
    public async Task<Results<Ok<PrivacyOverview>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "privacy/cases")] HttpRequest request)
    {
        var (context, who) = (request.HttpContext, Principal.Of(request.HttpContext));
        if (!who.Is(AppRoles.PrivacyOfficer)) return await gate.ForbidAsync(context, "privacy-overview", "api.forbidden.privacy-overview.detail");
        await audit.WriteAsync(who.ObjectId, "read-privacy-overview", "privacy/cases", null, context.RequestAborted);
        var all = await cases.ListAsync(context.RequestAborted);
        return TypedResults.Ok(new PrivacyOverview([.. all.Select(c => PrivacyView.Of(c, options.Value))], options.Value.RetentionDays));
    }
}
