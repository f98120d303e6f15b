namespace BasicTrust.Contracts.Queues;

// TraceParent: the W3C trace context of the step that queued the message (the session's trace), or null.

/// <summary>A <c>clip-jobs</c> message: cut one clip of one plan.</summary>
public sealed record ClipJob(string CaseId, string SessionId, string PlanId, string ClipId, string? TraceParent = null);

/// <summary>A <c>reel-jobs</c> message: assemble the reel of one plan.</summary>
public sealed record ReelJob(string CaseId, string SessionId, string PlanId, string? TraceParent = null);

/// <summary>A <c>reels-ready</c> message: the review queue's feed. Consumers deduplicate by (caseId, sessionId, planId).</summary>
public sealed record ReelReady(string CaseId, string SessionId, string PlanId, DateTimeOffset? NextSessionAt, string Reel, IReadOnlyList<string> Clips,
    string? TraceParent = null);

/// <summary>A <c>preview-jobs</c> message: make the preview a page asked for (its browser cannot play the recording).</summary>
public sealed record PreviewJob(string CaseId, string SessionId);

/// <summary>A <c>preview-segments</c> message: make one segment of a transcoded preview of this version of the recording.</summary>
public sealed record PreviewSegmentJob(string CaseId, string SessionId, string RecordingETag, int Segment);
