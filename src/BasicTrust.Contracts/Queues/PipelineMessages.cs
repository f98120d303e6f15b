namespace BasicTrust.Contracts.Queues;

/// <summary>A <c>clip-jobs</c> message: cut one clip of one plan.</summary>
public sealed record ClipJob(string CaseId, string SessionId, string PlanId, string ClipId);

/// <summary>A <c>reel-jobs</c> message: assemble the reel of one plan.</summary>
public sealed record ReelJob(string CaseId, string SessionId, string PlanId);

/// <summary>A <c>reels-ready</c> message: the review queue's feed. Consumers deduplicate by (caseId, sessionId, planId).</summary>
public sealed record ReelReady(string CaseId, string SessionId, string PlanId, DateTimeOffset? NextSessionAt, string Reel, IReadOnlyList<string> Clips);

/// <summary>A <c>preview-jobs</c> message: make the preview a page asked for (its browser cannot play the recording).</summary>
public sealed record PreviewJob(string CaseId, string SessionId);
