using BasicTrust.Functions.Api;
using BasicTrust.Functions.IndexReadyReel;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.ReviewReel;

/// <summary>A reel's review: comments per clip, approve or send back, and the reviewed mark that takes it off the queue.</summary>
public sealed class Reviews(PipelineStore store, ReviewIndex index, AuditLog audit, TimeProvider clock)
{
    public async Task<ReviewDocument> GetAsync(SessionKey session, string planId, CancellationToken cancellationToken) =>
        (await store.ReadAsync<ReviewDocument>(SessionKey.Pipeline, session.Review(planId), cancellationToken).ConfigureAwait(false)).Value ?? ReviewDocument.Empty;

    /// <summary>The most comments a reel takes: enough for any review, and review.json stays small.</summary>
    public const int MaxComments = 200;

    /// <summary>Adds the comment unless the reel has <see cref="MaxComments"/> already (<c>Full</c>); the review is null when the case was purged.</summary>
    public async Task<(ReviewDocument? Review, bool Full)> CommentAsync(SessionKey session, string planId, ReviewComment comment, CancellationToken cancellationToken)
    {
        var full = false;
        var review = await UpdateAsync(session, planId, r => (full = r.Comments.Count >= MaxComments) ? r : r with { Comments = [.. r.Comments, comment] }, cancellationToken).ConfigureAwait(false);
        return (review, full);
    }

    /// <summary>Records the verdict (a later one replaces it) and takes the reel off the review queue; null when the case was purged.</summary>
    public async Task<ReviewDocument?> DecideAsync(SessionKey session, string planId, ReviewDecision decision, string who, CancellationToken cancellationToken)
    {
        if (await UpdateAsync(session, planId, r => r with { Decision = decision, DecidedBy = who, DecidedAt = clock.GetUtcNow() }, cancellationToken).ConfigureAwait(false) is not { } review)
            return null;
        await audit.WriteAsync(new AuditEntry(clock.GetUtcNow(), who, "review-decision", $"{SessionKey.Reels}/{session.PlanFolder(planId)}", Details: new { decision }), cancellationToken).ConfigureAwait(false);
        await MarkReviewedAsync(session, planId, who, cancellationToken).ConfigureAwait(false);
        return review;
    }

    /// <summary>
    /// Takes the ready reel off the review queue (idempotent): the create-only marker makes the audit entry once; the
    /// index row's flag is set after it, so a repeated request completes what a failed one left half done.
    /// </summary>
    public async Task MarkReviewedAsync(SessionKey session, string planId, string who, CancellationToken cancellationToken)
    {
        if (await store.CreateMarkerAsync(session.Reviewed(planId), who, cancellationToken).ConfigureAwait(false))
            await audit.WriteAsync(who, "reviewed", $"{SessionKey.Reels}/{session.PlanFolder(planId)}", null, cancellationToken).ConfigureAwait(false);
        await index.MarkReviewedAsync(session, planId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies <paramref name="change"/> over the current review (see <see cref="PipelineStore.UpdateAsync"/>); null when the case was purged.</summary>
    async Task<ReviewDocument?> UpdateAsync(SessionKey session, string planId, Func<ReviewDocument, ReviewDocument> change, CancellationToken cancellationToken)
    {
        // A purge in progress stops every writer (Sweep removes what slipped in between).
        if (await store.IsPurgedAsync(session.CaseId, cancellationToken).ConfigureAwait(false)) return null;
        return await store.UpdateAsync<ReviewDocument>(SessionKey.Pipeline, session.Review(planId), current => change(current ?? ReviewDocument.Empty), cancellationToken).ConfigureAwait(false);
    }
}
