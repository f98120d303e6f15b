namespace BasicTrust.DevHost.SampleApp.Pipeline;

/// <summary>A clip to cut; <see cref="Fail"/> and <see cref="DelayMs"/> let tests steer the function.</summary>
public sealed record ClipJob(string CaseId, string SessionId, int Index, int Parts = 1, bool Fail = false, int DelayMs = 0);

/// <summary>One part of a reel, written to <c>reel-jobs</c>.</summary>
public sealed record ReelJob(string CaseId, string SessionId, int Index, int Part);
