using BasicTrust.Functions.Consent;

namespace BasicTrust.Functions.Access;

/// <summary>A case's access record: who created it (its owner) and the reviewers it is shared with, by object id.</summary>
public sealed record CaseRecord(string CaseId, string Owner, IReadOnlyList<string> Reviewers, DateTimeOffset CreatedAt, DateTimeOffset? PurgedAt)
{
    /// <summary>Its people, consents, who is on each recording, and the end of the guidance.</summary>
    public CasePrivacy Privacy { get; init; } = CasePrivacy.None;

    public CaseRole RoleOf(string objectId) =>
        objectId == Owner ? CaseRole.Owner : Reviewers.Contains(objectId) ? CaseRole.Reviewer : CaseRole.None;
}
