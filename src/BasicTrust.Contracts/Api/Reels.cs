using BasicTrust.Contracts.Documents;

namespace BasicTrust.Contracts.Api;

/// <summary>
/// <c>GET /api/reels/{caseId}/{sessionId}</c>: the last ready reel (reel.json), read links to its files, until when they
/// work, its review round and the rounds before it as the caller sees them, whether the caller gives the verdict (a
/// reviewer; the owner only of a case shared with nobody), and whether a newer reel is being made (then this one is
/// to watch only: comments and verdicts wait for the new one).
/// </summary>
public sealed record ReelAnswer(ReelDocument Reel, ReelLinks Links, DateTimeOffset ExpiresAt, ReviewRound Review, IReadOnlyList<ReviewRound> Earlier,
    bool GivesVerdict, bool NewerInProgress = false);

/// <summary>Read links to the reel, its captions, and every clip and still.</summary>
public sealed record ReelLinks(Uri Reel, Uri Captions, IReadOnlyList<ClipLinks> Clips);

/// <summary>Read links to one clip, its still and the still 320 px wide (absent for clips cut before small stills).</summary>
public sealed record ClipLinks(string ClipId, Uri Video, Uri Still, Uri? SmallStill = null);

/// <summary>
/// <c>POST /api/reels/{caseId}/{sessionId}/comments</c>: a comment on one clip of the ready reel, pinned to a moment
/// when <c>Offset</c> (seconds into the clip) is given; or a reply to the comment <c>ReplyTo</c> (on its clip).
/// </summary>
public sealed record CommentRequest(string? ClipId, string? Text, double? Offset = null, string? ReplyTo = null);

/// <summary><c>POST /api/reels/{caseId}/{sessionId}/decision</c>: a reviewer's verdict, <c>approve</c> or <c>send-back</c>.</summary>
/// <remarks>A string, read by <see cref="ReviewDecisions.Parse"/>: the verdict is exactly one of its names, never a number or another spelling.</remarks>
public sealed record DecisionRequest(string? Decision);

/// <summary><c>POST /api/reels/{caseId}/{sessionId}/reviewed</c>: the reel left the review queue.</summary>
public sealed record MarkedReviewed(string CaseId, string SessionId, string PlanId, bool Reviewed);

/// <summary>
/// One reel waiting for review (<c>GET /api/reviews</c>); <c>Course</c> reads "sessie 3 van 8" (in the reel's
/// language) when the manifest gave one, and <c>CourseSession</c> and <c>CourseOf</c> hold its numbers.
/// </summary>
/// <remarks><c>Round</c> is 2 and up for a reel sent again after a verdict; <c>SentBack</c> marks a reel sent back and waiting for its therapist.</remarks>
public sealed record ReviewItem(string CaseId, string SessionId, string PlanId, DateTimeOffset? NextSessionAt, int Clips, double Duration, string? Course = null,
    int? CourseSession = null, int? CourseOf = null, int Round = 1, bool SentBack = false);
