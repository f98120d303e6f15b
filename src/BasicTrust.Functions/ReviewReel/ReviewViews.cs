using BasicTrust.Functions.Access;

namespace BasicTrust.Functions.ReviewReel;

/// <summary>How a review is shown to the person asking.</summary>
public static class ReviewViews
{
    /// <summary>
    /// The review as <paramref name="viewer"/> sees it. The owner reads object ids; anyone else reads themselves as
    /// "you" and other people as "colleague", since who else works on the case is the owner's to know.
    /// </summary>
    public static ReviewDocument SeenBy(this ReviewDocument review, CaseRecord @case, string viewer)
    {
        if (@case.RoleOf(viewer) == CaseRole.Owner) return review;
        string Name(string who) => who == viewer ? "you" : "colleague";
        return review with { Comments = [.. review.Comments.Select(c => c with { By = Name(c.By) })], DecidedBy = review.DecidedBy is null ? null : Name(review.DecidedBy) };
    }
}
