using BasicTrust.Functions.Access;

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
    /// The review as <paramref name="viewer"/> sees it. The owner reads object ids; anyone else reads themselves as
    /// "you" and other people as "colleague", since who else works on the case is the owner's to know.
    /// </summary>
    public ReviewDocument SeenBy(CaseRecord @case, string viewer)
    {
        if (@case.RoleOf(viewer) == CaseRole.Owner) return this;
        string Name(string who) => who == viewer ? "you" : "colleague";
        return this with { Comments = [.. Comments.Select(c => c with { By = Name(c.By) })], DecidedBy = DecidedBy is null ? null : Name(DecidedBy) };
    }
}
