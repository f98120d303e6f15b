using BasicTrust.Functions.Api;

namespace BasicTrust.Functions.Access;

/// <summary>
/// The check every case endpoint makes before it reads or hands out anything: the caller's principal against the
/// case's access record and <see cref="AccessRules"/>. A refusal is audited (who, what, which case, when) and
/// answered 404 when the case is not to be revealed (a missing case answers the same), 403 when it is seen but the
/// action is not allowed, 410 when it was purged.
/// </summary>
public sealed class CaseGate(CaseAccess cases, AuditLog audit, TimeProvider clock)
{
    /// <summary>The case's record when the caller may do <paramref name="action"/> to it, else the refusal to return.</summary>
    public async Task<(CaseRecord? Case, IResult? Refusal)> CheckAsync(HttpContext http, string caseId, CaseAction action)
    {
        var who = Principal.Of(http);
        var record = await cases.GetAsync(caseId, http.RequestAborted);
        var verdict = record is null ? Verdict.Hide : AccessRules.Decide(who, record.RoleOf(who.ObjectId), action);
        if (verdict == Verdict.Allow)
            return record!.PurgedAt is null ? (record, null) : (null, ApiResults.Purged(caseId));
        return (null, await RefuseAsync(http, caseId, action.ToString(), verdict));
    }

    /// <summary>Audits and answers a refusal that is not about one case's record (a role the caller lacks).</summary>
    public Task<IResult> ForbidAsync(HttpContext http, string target, string action) => RefuseAsync(http, target, action, Verdict.Forbid);

    async Task<IResult> RefuseAsync(HttpContext http, string target, string action, Verdict verdict)
    {
        var status = verdict == Verdict.Hide ? 404 : 403;
        await audit.WriteAsync(new AuditEntry(clock.GetUtcNow(), Principal.Of(http).ObjectId, "refused", target,
            Details: new { action = action.ToLowerInvariant(), status }), http.RequestAborted);
        return verdict == Verdict.Hide
            ? ApiResults.NotFound($"There is no case {target} that you may see.")
            : ApiResults.Problem(403, "Not allowed.", $"You may not {action.ToLowerInvariant()} {target}; ask its owner or a privacy officer.");
    }
}
