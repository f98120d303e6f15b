namespace BasicTrust.Functions.Access;

/// <summary>A case's access record: who created it (its owner) and the reviewers it is shared with, by object id.</summary>
public sealed record CaseRecord(string CaseId, string Owner, IReadOnlyList<string> Reviewers, DateTimeOffset CreatedAt, DateTimeOffset? PurgedAt)
{
    public CaseRole RoleOf(string objectId) =>
        objectId == Owner ? CaseRole.Owner : Reviewers.Contains(objectId) ? CaseRole.Reviewer : CaseRole.None;
}
