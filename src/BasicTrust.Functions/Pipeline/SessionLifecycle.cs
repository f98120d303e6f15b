namespace BasicTrust.Functions.Pipeline;

/// <summary>What a clip or reel job should do.</summary>
public enum JobDecision
{
    Run,
    /// <summary>A newer plan took over (or the session has none): the job belongs to nobody.</summary>
    SkipSuperseded,
    /// <summary>The plan failed; its other jobs stop.</summary>
    SkipFailed,
    /// <summary>The case was purged or the session's recording erased: nothing more is stored under it.</summary>
    SkipPurged,
}

/// <summary>What planning a manifest should do, given the plan it produced.</summary>
public enum PlanDecision
{
    /// <summary>A plan the session has not had: write it and queue its clips.</summary>
    Start,
    /// <summary>The same plan failed before: start it again, letting the set's last clip queue the reel once more.</summary>
    Restart,
    /// <summary>The same plan is in flight or ready: the manifest changed nothing.</summary>
    AlreadyUnderWay,
}

/// <summary>What the sweep does with a session.</summary>
public enum SweepDecision
{
    Nothing,
    /// <summary>Ready: make sure the review index has it and remove older plans' outputs.</summary>
    Tidy,
    /// <summary>In flight and unchanged for too long: re-queue what is missing.</summary>
    Repair,
}

/// <summary>
/// The session's lifecycle in one place: which state follows which event, and which work runs. Pure: the services
/// read the status, ask this type, and write (<see cref="StatusBoard"/> only persists).
/// <code>
///   (none) ─Planned─▶ Planned ─ClipCut─▶ Cutting ─Assembling─▶ Assembling ─ReelStored─▶ Ready
///   Planned (a new manifest) from any state; Refused from any state; JobPoisoned while in flight and
///   ManifestAbandoned while there is no plan ─▶ Failed; ManifestUnchanged only notes the manifest (its version)
///   that the status answers. Every state keeps the plan of the last ready reel (ReelPlanId). Erased (its media
///   deleted) from any state, and nothing after it.
/// </code>
/// </summary>
public static class SessionLifecycle
{
    /// <summary>True while the session's plan is being worked on.</summary>
    public static bool InFlight(SessionStatus? status) =>
        status is { State: SessionState.Planned or SessionState.Cutting or SessionState.Assembling };

    /// <summary>
    /// The status after <paramref name="event"/>, or null when the event changes nothing (a late job of a superseded
    /// plan, progress after a failure). <c>CreatedAt</c> and <c>UpdatedAt</c> are the store's to stamp.
    /// </summary>
    public static SessionStatus? Apply(SessionStatus? current, SessionKey session, SessionEvent @event) => @event switch
    {
        _ when current is { State: SessionState.Erased } => null,
        SessionEvent.Erased => New(session, SessionState.Erased, null) with { PlanId = current?.PlanId, Manifest = current?.Manifest },
        SessionEvent.Planned e => New(session, SessionState.Planned, current) with
        {
            PlanId = e.PlanId, ClipsTotal = e.ClipsTotal, Warnings = e.Warnings, Concerns = e.Concerns, Manifest = e.Manifest,
        },
        SessionEvent.Refused e => New(session, SessionState.Failed, current) with
        {
            ClipsDone = current?.ClipsDone ?? 0, ClipsTotal = current?.ClipsTotal ?? 0, Errors = e.Errors, Warnings = e.Warnings, Concerns = e.Concerns,
            Manifest = e.Manifest,
        },
        SessionEvent.ManifestUnchanged e when current is not null && current.Manifest != e.Manifest => current with { Manifest = e.Manifest },
        SessionEvent.ClipCut e when current is { State: SessionState.Planned or SessionState.Cutting } && current.PlanId == e.PlanId =>
            current with { State = SessionState.Cutting, ClipsDone = Math.Max(current.ClipsDone, e.Done) },
        SessionEvent.Assembling e when current?.PlanId == e.PlanId && current.State != SessionState.Failed =>
            current with { State = SessionState.Assembling, ClipsDone = e.ClipsTotal },
        SessionEvent.ReelStored e when current?.PlanId == e.PlanId && current.State != SessionState.Failed =>
            current with { State = SessionState.Ready, ClipsDone = e.ClipsTotal, ReadyAt = current.ReadyAt ?? e.At, ReelPlanId = e.PlanId },
        SessionEvent.JobPoisoned e when InFlight(current) && current!.PlanId == e.PlanId =>
            current with { State = SessionState.Failed, Errors = [e.Error] },
        SessionEvent.ManifestAbandoned e when current?.PlanId is null =>
            New(session, SessionState.Failed, current) with { Errors = [e.Error], Warnings = current?.Warnings ?? [] },
        SessionEvent.Repaired e when current?.PlanId == e.PlanId => current with { },
        _ => null,
    };

    /// <summary>Whether a clip or reel job of <paramref name="planId"/> runs. Jobs are delivered at least once and late.</summary>
    public static JobDecision DecideJob(SessionStatus? current, string planId, bool gone) =>
        gone || current is { State: SessionState.Erased } ? JobDecision.SkipPurged
        : current?.PlanId != planId ? JobDecision.SkipSuperseded
        : current.State == SessionState.Failed ? JobDecision.SkipFailed
        : JobDecision.Run;

    /// <summary>Whether a manifest's plan starts: the same inputs give the same plan id, so a repeated manifest is a no-op.</summary>
    public static PlanDecision DecidePlan(SessionStatus? current, string planId) =>
        current?.PlanId != planId ? PlanDecision.Start
        : current.State == SessionState.Failed ? PlanDecision.Restart
        : PlanDecision.AlreadyUnderWay;

    /// <summary>What the sweep does with a session last changed at <c>UpdatedAt</c>.</summary>
    public static SweepDecision DecideSweep(SessionStatus current, DateTimeOffset now, TimeSpan stuckAfter) =>
        current.PlanId is null ? SweepDecision.Nothing
        : current.State == SessionState.Ready ? SweepDecision.Tidy
        : InFlight(current) && now - current.UpdatedAt > stuckAfter ? SweepDecision.Repair
        : SweepDecision.Nothing;

    /// <summary>
    /// Whether a manifest's blob event was lost: its version (ETag) is not the one the status answers, it was written
    /// before the status last changed neither, and it is older than <paramref name="stuckAfter"/> (Event Grid delivers
    /// in seconds, and a late event after the sweep planned it is a no-op: the same plan is already under way).
    /// </summary>
    public static bool ManifestMissed(SessionStatus? current, string manifestVersion, DateTimeOffset manifestWritten, DateTimeOffset now, TimeSpan stuckAfter) =>
        now - manifestWritten > stuckAfter && current?.Manifest != manifestVersion && (current is null || current.UpdatedAt < manifestWritten)
        && current is not { State: SessionState.Erased };

    /// <summary>
    /// Whether a clip job that found every clip done queues the reel: the one that created the reel-queued marker does;
    /// on a retry the marker's owner may have died before its queue write, so a retry queues it again while there is no
    /// reel (assembly is idempotent).
    /// </summary>
    public static bool QueuesReel(bool createdMarker, bool isRetry, bool reelStored) => createdMarker || (isRetry && !reelStored);

    /// <summary>A fresh status, keeping only which reel was ready last (it can be watched while a newer one is made).</summary>
    static SessionStatus New(SessionKey session, SessionState state, SessionStatus? current) =>
        new() { CaseId = session.CaseId, SessionId = session.SessionId, State = state, ReelPlanId = current?.ReelPlanId };
}
