using BasicTrust.Functions.Api;

namespace BasicTrust.Functions.Access;

/// <summary>
/// The check every case endpoint makes before it reads or hands out anything: the caller's principal against the
/// case's access record and <see cref="AccessRules"/>. A refusal is audited (who, what, which case, when) and
/// answered 404 when the case is not to be revealed (a missing case answers the same), 403 when it is seen but the
/// action is not allowed, 410 when it was purged (a purge itself may run again, to finish one that failed part-way).
/// </summary>
public sealed class CaseGate(CaseAccess cases, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// The case's record when the caller may do <paramref name="action"/> to it, else the refusal to return. The record
    /// is null only for a privacy officer's purge of a case stored before access records existed.
    /// </summary>
    public async Task<(CaseRecord? Case, ProblemHttpResult? Refusal)> CheckAsync(HttpContext http, string caseId, CaseAction action)
    {
        var who = Principal.Of(http);
        var record = await cases.GetAsync(caseId, http.RequestAborted);
        var name = action.ToString().ToLowerInvariant();
        switch (AccessRules.Decide(who, record?.RoleOf(who.ObjectId) ?? CaseRole.None, action))
        {
            case Verdict.Allow when record?.PurgedAt is null || action == CaseAction.Purge:
                return (record, null);
            case Verdict.Allow:
                return (null, ApiResults.Purged(caseId));
            case Verdict.Forbid when record is not null:
                await RefusedAsync(http, caseId, name, 403);
                return (null, ApiResults.Problem(403, "api.forbidden.title", Forbidden(action), null, ("caseId", caseId)));
            default:
                await RefusedAsync(http, caseId, name, 404);
                return (null, ApiResults.NotFound("api.no-case.detail", ("caseId", caseId)));
        }
    }

    /// <summary>Audits and answers a refusal of an action the caller's roles do not allow, said by the catalogue's <paramref name="detailKey"/>.</summary>
    public async Task<ProblemHttpResult> ForbidAsync(HttpContext http, string action, string detailKey)
    {
        await RefusedAsync(http, $"actions/{action}", action, 403);
        return ApiResults.Problem(403, "api.forbidden.title", detailKey);
    }

    /// <summary>What the caller may not do to the case, as the catalogue says it.</summary>
    static string Forbidden(CaseAction action) => action switch
    {
        CaseAction.View => "api.forbidden.view.detail",
        CaseAction.Review => "api.forbidden.review.detail",
        CaseAction.Upload => "api.forbidden.upload.detail",
        CaseAction.Share => "api.forbidden.share.detail",
        CaseAction.Purge => "api.forbidden.purge.detail",
        CaseAction.Consent => "api.forbidden.consent.detail",
        CaseAction.Hold => "api.forbidden.hold.detail",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>Audits a refusal: who, what (the action and the status), which case or action, when.</summary>
    public Task RefusedAsync(HttpContext http, string target, string action, int status) =>
        audit.WriteAsync(new AuditEntry(clock.GetUtcNow(), Principal.Of(http).ObjectId, "refused", target, Details: new { action, status }), http.RequestAborted);
}
