namespace BasicTrust.Functions.Pipeline;

/// <summary>Something that happened to a session; <see cref="SessionLifecycle.Apply"/> says what its status becomes.</summary>
public abstract record SessionEvent
{
    SessionEvent() { }

    /// <summary>A plan was written: its clips are about to be queued.</summary>
    public sealed record Planned(string PlanId, int ClipsTotal, IReadOnlyList<FieldProblem> Warnings, IReadOnlyList<StatusConcern> Concerns, string? Manifest = null) : SessionEvent;

    /// <summary>The manifest (or its recording) was refused before any plan: the errors say why.</summary>
    public sealed record Refused(IReadOnlyList<FieldProblem> Errors, IReadOnlyList<FieldProblem> Warnings, IReadOnlyList<StatusConcern> Concerns, string? Manifest = null) : SessionEvent;

    /// <summary>A manifest gave the plan already under way or ready: nothing changes but which manifest the status answers.</summary>
    public sealed record ManifestUnchanged(string Manifest) : SessionEvent;

    /// <summary>A clip of the plan was cut; <paramref name="Done"/> clips of it are done now.</summary>
    public sealed record ClipCut(string PlanId, int Done) : SessionEvent;

    /// <summary>Every clip is cut and the reel is being assembled.</summary>
    public sealed record Assembling(string PlanId, int ClipsTotal) : SessionEvent;

    /// <summary>The reel of the plan is stored.</summary>
    public sealed record ReelStored(string PlanId, int ClipsTotal, DateTimeOffset At) : SessionEvent;

    /// <summary>A clip or reel job of the plan exhausted its retries (it landed in a poison queue).</summary>
    public sealed record JobPoisoned(string PlanId, FieldProblem Error) : SessionEvent;

    /// <summary>The host gave up planning the manifest (the blob trigger's poison queue).</summary>
    public sealed record ManifestAbandoned(FieldProblem Error) : SessionEvent;

    /// <summary>The recording and everything made of it were deleted: the session ends here, whatever comes late.</summary>
    public sealed record Erased : SessionEvent;

    /// <summary>The sweep re-queued the plan's missing work; the next sweep waits again before repeating it.</summary>
    public sealed record Repaired(string PlanId) : SessionEvent;
}
