namespace BasicTrust.Contracts.Documents;

/// <summary>
/// One line of the audit log (<c>audit/log/{day}/{part}.jsonl</c>): who did what to which blob or case, when, and
/// the action's details (counts, a verdict, a refusal's status). Never a link's signature, never a note or a name.
/// </summary>
public sealed record AuditEntry(DateTimeOffset At, string Who, string Action, string Target, DateTimeOffset? ExpiresAt = null, object? Details = null);

/// <summary><c>audit/purged/{caseId}</c>: the case was purged at this moment; work in flight writes nothing new under it.</summary>
public sealed record Tombstone(string CaseId, DateTimeOffset PurgedAt);
