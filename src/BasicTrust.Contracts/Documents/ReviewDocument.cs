namespace BasicTrust.Contracts.Documents;

/// <summary>A reviewer's verdict on a reel.</summary>
public enum ReviewDecision { Approve, SendBack }

/// <summary>The one reading of a verdict someone sends.</summary>
public static class ReviewDecisions
{
    /// <summary>The verdict named exactly (<c>approve</c>, <c>send-back</c>), or null for anything else (<c>APPROVE</c>, <c>0</c>, <c>"approve "</c>).</summary>
    public static ReviewDecision? Parse(string? text) =>
        Enum.GetValues<ReviewDecision>().Where(d => Json.Name(d) == text).Select(d => (ReviewDecision?)d).FirstOrDefault();
}

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
