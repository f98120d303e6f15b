using BasicTrust.Functions.Api;
using BasicTrust.Functions.IndexReadyReel;
using BasicTrust.Functions.Notifications;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.ReviewReel;

/// <summary>
/// A session's review, in rounds (<see cref="ReviewDocument"/>): comments on a reel's clips (at a moment, or replies),
/// approve or send back, the reviewed mark that takes the reel off the queue, and the therapist's "addressed".
/// </summary>
public sealed class Reviews(PipelineStore store, ReviewIndex index, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    /// <summary>The most comments a round takes: enough for any review, and review.json stays small.</summary>
    public const int MaxComments = 200;

    /// <summary>The session's review; an empty one when nobody has written to it.</summary>
    public async Task<ReviewDocument> GetAsync(SessionKey session, CancellationToken cancellationToken) =>
        (await store.ReadAsync<ReviewDocument>(SessionKey.Pipeline, session.Review, cancellationToken).ConfigureAwait(false)).Value ?? ReviewDocument.Empty;

    /// <summary>What adding a comment did: the round it went to, or why not.</summary>
    public enum CommentOutcome { Added, Full, UnknownReply, Purged }

    /// <summary>
    /// Adds a comment to the round of <paramref name="planId"/>, or, as a reply, to the round of the comment it answers
    /// (on its clip). The comment's id is given here: <c>c</c> and its number in the session.
    /// </summary>
    public async Task<(CommentOutcome Outcome, ReviewRound? Round)> CommentAsync(SessionKey session, string planId, ReviewComment comment, CancellationToken cancellationToken)
    {
        var outcome = CommentOutcome.Added;
        ReviewRound? written = null;
        var review = await UpdateAsync(session, r =>
        {
            var round = r.RoundOf(planId);
            var added = comment with { Id = $"c{r.AllComments.Count() + 1}" };
            if (comment.ReplyTo is { } parentId)
            {
                if (r.Rounds.FirstOrDefault(x => x.Comments.Any(c => c.Id == parentId)) is not { } parentRound) { outcome = CommentOutcome.UnknownReply; return null; }
                var parent = parentRound.Comments.First(c => c.Id == parentId);
                (round, added) = (parentRound, added with { PlanId = parent.PlanId, ClipId = parent.ClipId, Offset = null, RecordingAt = null });
            }
            if (round.Comments.Count >= MaxComments) { outcome = CommentOutcome.Full; return null; }
            written = round with { Comments = [.. round.Comments, added] };
            return r.With(written);
        }, cancellationToken).ConfigureAwait(false);
        return review is null ? (CommentOutcome.Purged, null) : (outcome, written);
    }

    /// <summary>
    /// Marks a comment addressed (the therapist) or resolved (either side); a comment already marked keeps its first
    /// mark. False when the session has no comment <paramref name="commentId"/>; null when the case was purged.
    /// </summary>
    public async Task<ReviewDocument?> MarkCommentAsync(SessionKey session, string commentId, bool resolve, string who, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await UpdateAsync(session, r =>
        {
            if (r.Rounds.FirstOrDefault(x => x.Comments.Any(c => c.Id == commentId)) is not { } round) return null;
            ReviewComment Mark(ReviewComment c) => c.Id != commentId ? c
                : resolve ? c with { ResolvedAt = c.ResolvedAt ?? now, ResolvedBy = c.ResolvedBy ?? who }
                : c with { AddressedAt = c.AddressedAt ?? now };
            return r.With(round with { Comments = [.. round.Comments.Select(Mark)] });
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records the verdict on the round of <paramref name="planId"/> (a later one replaces it), takes the reel off the
    /// review queue and has the owner told by mail; null when the case was purged.
    /// </summary>
    public async Task<ReviewRound?> DecideAsync(SessionKey session, string planId, ReviewDecision decision, string who, CancellationToken cancellationToken)
    {
        ReviewRound? decided = null;
        if (await UpdateAsync(session, r => r.With(decided = r.RoundOf(planId) with { Decision = decision, DecidedBy = who, DecidedAt = clock.GetUtcNow() }), cancellationToken).ConfigureAwait(false) is null)
            return null;
        await audit.WriteAsync(new AuditEntry(clock.GetUtcNow(), who, "review-decision", $"{SessionKey.Reels}/{session.PlanFolder(planId)}", Details: new { decision }), cancellationToken).ConfigureAwait(false);
        await MarkReviewedAsync(session, planId, who, cancellationToken).ConfigureAwait(false);
        await notifier.VerdictAsync(session, planId, decision, who, cancellationToken).ConfigureAwait(false);
        return decided;
    }

    /// <summary>
    /// Takes the ready reel off the review queue (idempotent): the create-only marker makes the audit entry once; the
    /// index row's flag is set after it, so a repeated request completes what a failed one left half done.
    /// </summary>
    public async Task MarkReviewedAsync(SessionKey session, string planId, string who, CancellationToken cancellationToken)
    {
        if (await store.CreateMarkerAsync(session.Reviewed(planId), who, cancellationToken).ConfigureAwait(false))
            await audit.WriteAsync(who, "reviewed", $"{SessionKey.Reels}/{session.PlanFolder(planId)}", null, cancellationToken).ConfigureAwait(false);
        var sentBack = (await GetAsync(session, cancellationToken).ConfigureAwait(false)).RoundOf(planId).Decision == ReviewDecision.SendBack;
        await index.MarkReviewedAsync(session, planId, sentBack, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies <paramref name="change"/> over the current review (see <see cref="PipelineStore.UpdateAsync"/>; null from it writes nothing); null when the case was purged.</summary>
    async Task<ReviewDocument?> UpdateAsync(SessionKey session, Func<ReviewDocument, ReviewDocument?> change, CancellationToken cancellationToken)
    {
        // A purge in progress stops every writer (Sweep removes what slipped in between).
        if (await store.IsPurgedAsync(session.CaseId, cancellationToken).ConfigureAwait(false)) return null;
        return await store.UpdateAsync<ReviewDocument>(SessionKey.Pipeline, session.Review, current => change(current ?? ReviewDocument.Empty), cancellationToken).ConfigureAwait(false)
            ?? ReviewDocument.Empty;
    }
}
