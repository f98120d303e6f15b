namespace BasicTrust.Contracts.Documents;

/// <summary>A reviewer's verdict on a reel.</summary>
public enum ReviewDecision { Approve, SendBack }

/// <summary>A comment on one clip of a reel, by object id; the therapist reads it next to the clip's tags.</summary>
public sealed record ReviewComment(string ClipId, string Text, string By, DateTimeOffset At);

/// <summary>
/// <c>pipeline/{caseId}/{sessionId}/{planId}/review.json</c>: the comments on a reel and the verdict. Like notes it
/// lives in JSON for signed-in professionals only, and a purge removes it with the case.
/// </summary>
public sealed record ReviewDocument(IReadOnlyList<ReviewComment> Comments, ReviewDecision? Decision = null, string? DecidedBy = null, DateTimeOffset? DecidedAt = null)
{
    public static readonly ReviewDocument Empty = new([]);
}
