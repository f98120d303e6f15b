using BasicTrust.Contracts.Documents;

namespace BasicTrust.Contracts.Api;

/// <summary>
/// <c>PUT /api/sessions/{caseId}/{sessionId}/conversation</c>: the whole terugkijkgesprek of the session's reel (it
/// replaces the one before): per clip what the parent saw, and the practice point for next time. An empty text leaves
/// it out.
/// </summary>
public sealed record ConversationRequest(IReadOnlyList<ClipConversationRequest>? Clips = null, string? PracticePoint = null);

/// <summary>What the parent saw in one clip of the reel (<c>ClipId</c>, as <c>GET /api/reels/…</c> names it).</summary>
public sealed record ClipConversationRequest(string? ClipId = null, string? ParentSaw = null);

/// <summary>
/// <c>GET</c> (and <c>PUT</c>) <c>/api/sessions/{caseId}/{sessionId}/conversation</c>: the session's terugkijkgesprek
/// (absent until recorded), its clips placed on the reel shown now; what was recorded on an earlier reel and has no
/// clip in this one (<c>Unplaced</c>, with its recording time); the practice point of the session before this one in
/// the course (<c>Previous</c>, when it has one); the most characters a text takes; and whether the caller records it
/// (<c>MayRecord</c>: the case's owner; its reviewers read it).
/// </summary>
public sealed record ConversationAnswer(ConversationRecord? Record, IReadOnlyList<ClipConversation> Unplaced, int MaxLength, bool MayRecord, PreviousPracticePoint? Previous = null);

/// <summary>The practice point recorded in the session before this one (<c>SessionId</c>, and its course number when the manifest gave one).</summary>
public sealed record PreviousPracticePoint(string SessionId, string PracticePoint, int? CourseSession = null);
