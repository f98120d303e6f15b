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

/// <summary>
/// A comment on one clip of a reel (<c>PlanId</c>, <c>ClipId</c>), by object id. Pinned to a moment it holds the
/// offset in the clip (<c>Offset</c>); its recording time (<c>RecordingAt</c>: that moment, or the clip's key moment)
/// lets the therapist's editor show it beside the tag there after the reel it was made on is gone. Both in seconds. A reply names the comment it answers (<c>ReplyTo</c>). The therapist
/// marks a comment addressed; either side resolves it.
/// </summary>
public sealed record ReviewComment(string Id, string PlanId, string ClipId, string Text, string By, DateTimeOffset At,
    double? Offset = null, double? RecordingAt = null, string? ReplyTo = null,
    DateTimeOffset? AddressedAt = null, DateTimeOffset? ResolvedAt = null, string? ResolvedBy = null);

/// <summary>
/// One round of review: the reel of <c>PlanId</c>, its comments and its verdict. Round n+1 opens when the therapist
/// sends the session's tags again after round n's verdict; before a verdict a new reel stays in the same round.
/// </summary>
public sealed record ReviewRound(int Number, string PlanId, IReadOnlyList<ReviewComment> Comments, ReviewDecision? Decision = null,
    string? DecidedBy = null, DateTimeOffset? DecidedAt = null);

/// <summary>
/// <c>pipeline/{caseId}/{sessionId}/review.json</c>: every round of a session's review, oldest first. It lives next to
/// the session's plans, not in one, so a new plan (and the sweep that removes older plans) keeps the earlier rounds. Like
/// notes it is JSON for signed-in professionals only, and a purge removes it with the case.
/// </summary>
public sealed record ReviewDocument(IReadOnlyList<ReviewRound> Rounds)
{
    public static readonly ReviewDocument Empty = new([]);

    /// <summary>
    /// The round the reel of <paramref name="planId"/> belongs to: the round that has it; else, after a verdict, the
    /// next round; else the open round, now on this reel (stored only when something is written to it).
    /// </summary>
    public ReviewRound RoundOf(string planId) => Rounds.LastOrDefault(r => r.PlanId == planId) ?? Rounds.LastOrDefault() switch
    {
        null => new ReviewRound(1, planId, []),
        { Decision: not null } last => new ReviewRound(last.Number + 1, planId, []),
        var open => open with { PlanId = planId },
    };

    /// <summary>The rounds before the round of <paramref name="planId"/>.</summary>
    public IReadOnlyList<ReviewRound> Before(string planId) => [.. Rounds.Where(r => r.Number < RoundOf(planId).Number)];

    /// <summary>This document with <paramref name="round"/> stored (replacing the round of its number).</summary>
    public ReviewDocument With(ReviewRound round) => new([.. Rounds.Where(r => r.Number != round.Number).Append(round).OrderBy(r => r.Number)]);

    /// <summary>Every comment of every round.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<ReviewComment> AllComments => Rounds.SelectMany(r => r.Comments);
}
