using BasicTrust.Contracts.Documents;
using BasicTrust.Highlights.Planning;
using BasicTrust.Media.Previews;

namespace BasicTrust.Contracts.Api;

/// <summary><c>POST /api/sessions/{caseId}/{sessionId}/upload</c>: the recording to upload.</summary>
public sealed record UploadRequest(string? FileName, long? Size);

/// <summary>A create/write-only link for the session's recording (<c>Blob</c> is <c>recordings/…</c>) and when it runs out.</summary>
public sealed record UploadLink(Uri UploadUrl, string Blob, DateTimeOffset ExpiresAt, long Size);

/// <summary><c>GET /api/sessions/{caseId}/{sessionId}/upload?fileName=</c>: what storage holds of an upload, to resume it.</summary>
public sealed record UploadedBlocks(string Blob, bool Committed, long Size, IReadOnlyList<StagedBlock> Blocks);

/// <summary>A block staged but not yet committed: its id (base64) and size in bytes.</summary>
public sealed record StagedBlock(string Id, long Size);

/// <summary>
/// <c>PUT /api/sessions/{caseId}/{sessionId}/manifest</c> (202): where to follow the session, the manifest's warnings,
/// and its version, which the status names (<c>manifest</c>) once it answers this manifest.
/// </summary>
public sealed record ManifestAccepted(string Status, IReadOnlyList<FieldProblem> Warnings, string? Version = null);

/// <summary>
/// <c>POST /api/sessions/{caseId}/{sessionId}/plan</c>: the pipeline's planning as a dry run. <c>Valid</c> says whether
/// the manifest would be accepted; the clips (in showing order), chapters and reel length are there when it can be planned.
/// </summary>
public sealed record PlanPreview(bool Valid, IReadOnlyList<FieldProblem> Errors, IReadOnlyList<FieldProblem> Warnings, TimeSpan? Duration = null,
    IReadOnlyList<PlannedClip>? Clips = null, IReadOnlyList<Chapter>? Chapters = null);

/// <summary>
/// <c>GET /api/sessions/{caseId}/{sessionId}/preview</c>: what the editor plays; a read link (and until when) when the
/// state is <c>ready</c> (the preview), <c>not-needed</c> or <c>offered</c> (the recording itself). With <c>offered</c>,
/// <c>Type</c> is the recording's media type with its codecs: a page whose browser cannot play it asks for a preview
/// (<c>POST</c> to the same address). A transcoded preview comes in <c>Segments</c> the page appends as they are made
/// (Media Source Extensions, <c>Type</c> then the segments' type): each with its window in the recording's time and, once
/// made, from the one the page asked for on (<c>?from=</c>), a few at a time, a read link.
/// </summary>
public sealed record PreviewAnswer(string Recording, PreviewState State, PreviewNeed Need, string? Reason = null, Uri? Link = null, DateTimeOffset? ExpiresAt = null,
    string? Type = null, IReadOnlyList<PreviewSegmentAnswer>? Segments = null);

/// <summary>One segment of a preview: its window in the recording's time, whether it is made, and a read link when the answer carries one.</summary>
public sealed record PreviewSegmentAnswer(TimeSpan Start, TimeSpan End, bool Ready, Uri? Link = null);

/// <summary>
/// One session of a case (<c>GET /api/cases/{caseId}/sessions</c>): where the pipeline is, when the next feedback
/// session is (once planned), and, once its reel is ready, its review round: the verdict, how many comments, and the
/// round's number.
/// </summary>
public sealed record SessionSummary(string SessionId, SessionState State, int ClipsDone, int ClipsTotal, DateTimeOffset UpdatedAt, ReviewDecision? Decision = null, int? Comments = null,
    DateTimeOffset? NextSessionAt = null, int? Round = null);

/// <summary>
/// <c>GET /api/sessions/{caseId}/{sessionId}/recording</c>: the session's recording as storage holds it. <c>Stored</c>
/// once the upload was committed (its <c>Size</c> and <c>StoredAt</c>); before that the upload begun (<c>Size</c> the
/// file's, as the upload link was asked for) and how many of its bytes storage holds (<c>Received</c>), to go on from.
/// </summary>
public sealed record RecordingUpload(string FileName, long Size, bool Stored, long Received, DateTimeOffset? StoredAt = null, DateTimeOffset? StartedAt = null);

/// <summary><c>POST /api/sessions/{caseId}/{sessionId}/export/{format}</c>: a session's tags as another tool's file, to save under its name.</summary>
public sealed record TagFile(string FileName, string ContentType, string Text);
