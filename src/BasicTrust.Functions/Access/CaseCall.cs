using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Access;

/// <summary>What <see cref="CaseEdge"/> hands a case endpoint once the ids and the caller's access are checked.</summary>
/// <param name="Case">The case's access record; null only for a privacy officer's purge of a case stored before access records existed.</param>
public sealed record CaseCall(string CaseId, SessionKey? SessionOrNone, CaseRecord? Case, Principal Who)
{
    /// <summary>The session of a <c>{caseId}/{sessionId}</c> route.</summary>
    public SessionKey Session => SessionOrNone ?? throw new InvalidOperationException("The route names no session.");

    /// <summary>Whether the caller gives the case's reels their verdict (<see cref="AccessRules.MayGiveVerdict"/>).</summary>
    public bool GivesVerdict => Case is { } found && AccessRules.MayGiveVerdict(found.RoleOf(Who.ObjectId), found.Reviewers.Count);

    /// <summary>The checked call of a request to a function marked with <see cref="CaseEndpointAttribute"/>.</summary>
    public static CaseCall Of(HttpRequest request) =>
        request.HttpContext.Items[typeof(CaseCall)] as CaseCall ?? throw new InvalidOperationException("The function is not marked [CaseEndpoint].");
}
