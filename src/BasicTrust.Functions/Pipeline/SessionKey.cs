using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Functions.Pipeline;

/// <summary>
/// One therapy session's pseudonymous ids and every blob name derived from them (ARCHITECTURE.md §4).
/// Constructed only from valid ids, so no name can escape its session's folder.
/// </summary>
public sealed record SessionKey
{
    /// <summary>Container of raw uploads and manifests.</summary>
    public const string Recordings = "recordings";
    /// <summary>Container of browser previews of recordings browsers cannot play: kept, retained and purged like the recordings.</summary>
    public const string Previews = "previews";
    /// <summary>Container of cut clips, stills and clip metadata.</summary>
    public const string Clips = "clips";
    /// <summary>Container of reels, captions and reel metadata.</summary>
    public const string Reels = "reels";
    /// <summary>Container of internal state: status, plans, markers.</summary>
    public const string Pipeline = "pipeline";
    /// <summary>Container of the audit log and the purged cases' tombstones: no case folders, so no case id can reach them.</summary>
    public const string Audit = "audit";
    /// <summary>Every container, in the order a purge empties them.</summary>
    public static readonly IReadOnlyList<string> Containers = [Recordings, Previews, Clips, Reels, Pipeline];

    SessionKey(string caseId, string sessionId) => (CaseId, SessionId) = (caseId, sessionId);

    public string CaseId { get; }
    public string SessionId { get; }

    /// <summary>The key for two ids; throws <see cref="ArgumentException"/> naming the field when one breaks the id rule.</summary>
    public static SessionKey Create(string? caseId, string? sessionId)
    {
        if (!Ids.IsValid(caseId)) throw new ArgumentException($"caseId must match {Ids.Rule}.", nameof(caseId));
        if (!Ids.IsValid(sessionId)) throw new ArgumentException($"sessionId must match {Ids.Rule}.", nameof(sessionId));
        return new SessionKey(caseId!, sessionId!);
    }

    /// <summary><c>{caseId}/{sessionId}</c>: the folder of this session in every container.</summary>
    public string Folder => $"{CaseId}/{SessionId}";

    public string Manifest => $"{Folder}/session.json";
    public string Recording(string fileName) => $"{Folder}/{fileName}";
    public string Status => $"{Folder}/status.json";
    public string PlanFolder(string planId) => $"{Folder}/{planId}";
    public string Plan(string planId) => $"{PlanFolder(planId)}/plan.json";
    /// <summary>The recording's keyframes, read once per plan from its container index, for the plan's clips.</summary>
    public string Keyframes(string planId) => $"{PlanFolder(planId)}/keyframes.json";
    public string ClipDone(string planId, string clipId) => $"{PlanFolder(planId)}/done/{clipId}";
    public string ClipError(string planId, string clipId) => $"{PlanFolder(planId)}/errors/{clipId}.txt";
    public string ReelQueued(string planId) => $"{PlanFolder(planId)}/reel-queued";
    public string Reviewed(string planId) => $"{PlanFolder(planId)}/reviewed";
    /// <summary>The session's review, every round (beside the plans, so the sweep of older plans keeps it).</summary>
    public string Review => $"{Folder}/review.json";
    /// <summary>The terugkijkgesprek the therapist recorded after watching the reel with the parent (beside the plans, like the review).</summary>
    public string Conversation => $"{Folder}/conversation.json";
    /// <summary>The upload last begun: the file's name and size, for saying how far it got.</summary>
    public string Upload => $"{Folder}/upload.json";
    /// <summary>Whether the editor plays the recording or a preview of it.</summary>
    public string Preview => $"{Folder}/preview.json";
    public string ReadyAnnounced(string planId) => $"{PlanFolder(planId)}/ready-announced";
    /// <summary>Marks a concern tag as written to the audit log, so it is written once.</summary>
    public string ConcernAudited(string tagId) => $"{Folder}/concerns/{tagId}";
    public string Clip(string planId, string clipId, string extension) => $"{PlanFolder(planId)}/{clipId}.{extension}";
    public string Reel(string planId, string fileName) => $"{PlanFolder(planId)}/{fileName}";

    public override string ToString() => Folder;
}
