namespace BasicTrust.Contracts.Api;

/// <summary>A person's relation to one case.</summary>
public enum CaseRole { None, Owner, Reviewer }

/// <summary><c>POST /api/cases</c>: a case to create; ids are pseudonyms, never names.</summary>
public sealed record CaseRequest(string? CaseId);

/// <summary>A case and the caller's role in it: <c>GET /api/cases</c> lists these; <c>POST /api/cases</c> answers one.</summary>
public sealed record CaseSummary(string CaseId, CaseRole Role);

/// <summary><c>GET /api/cases/{caseId}</c>: the caller's role; the owner also reads who it is and the reviewers (object ids).</summary>
public sealed record CaseDetails(string CaseId, CaseRole Role, DateTimeOffset CreatedAt, string? Owner = null, IReadOnlyList<string>? Reviewers = null);

/// <summary><c>PUT</c>/<c>DELETE /api/cases/{caseId}/reviewers/{objectId}</c>: whom the case is shared with now.</summary>
public sealed record CaseShares(string CaseId, string Owner, IReadOnlyList<string> Reviewers);

/// <summary>
/// <c>DELETE /api/cases/{caseId}</c>: the case was purged; what was removed. <c>PurgedBefore</c> says when a case had
/// already been purged (the run only removed what an earlier one left, usually nothing).
/// </summary>
public sealed record CasePurged(string CaseId, PurgeCounts Removed, DateTimeOffset? PurgedBefore = null);

/// <summary>How many blobs, review index rows and queue messages a purge removed.</summary>
public sealed record PurgeCounts(int Blobs, int Reviews, int Messages);
