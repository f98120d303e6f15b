using BasicTrust.Functions.Access;

namespace BasicTrust.Functions.ReviewReel;

/// <summary>How a review is shown to the person asking.</summary>
public static class ReviewViews
{
    /// <summary>
    /// The review as <paramref name="viewer"/> sees it. The owner reads object ids; anyone else reads themselves as
    /// "you" and other people as "colleague", since who else works on the case is the owner's to know.
    /// </summary>
    public static ReviewDocument SeenBy(this ReviewDocument review, CaseRecord @case, string viewer) =>
        @case.RoleOf(viewer) == CaseRole.Owner ? review : new([.. review.Rounds.Select(r => r.SeenBy(@case, viewer))]);

    /// <inheritdoc cref="SeenBy(ReviewDocument, CaseRecord, string)"/>
    public static ReviewRound SeenBy(this ReviewRound round, CaseRecord @case, string viewer)
    {
        if (@case.RoleOf(viewer) == CaseRole.Owner) return round;
        string? Name(string? who) => who is null ? null : who == viewer ? "you" : "colleague";
        return round with
        {
            Comments = [.. round.Comments.Select(c => c with { By = Name(c.By)!, ResolvedBy = Name(c.ResolvedBy) })],
            DecidedBy = Name(round.DecidedBy),
        };
    }
}
