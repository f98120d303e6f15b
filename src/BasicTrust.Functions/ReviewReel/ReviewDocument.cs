namespace BasicTrust.Functions.ReviewReel;

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

    /// <summary>
    /// The review as someone other than the owner sees it: who else works on the case is the owner's to know, so other
    /// people's object ids read "colleague" (their own, "you").
    /// </summary>
    public ReviewDocument As(string viewer)
    {
        string Name(string who) => who == viewer ? "you" : "colleague";
        return this with { Comments = [.. Comments.Select(c => c with { By = Name(c.By) })], DecidedBy = DecidedBy is null ? null : Name(DecidedBy) };
    }
}
