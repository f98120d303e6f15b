namespace BasicTrust.Contracts.Documents;

/// <summary>Where a session is in the pipeline.</summary>
public enum SessionState
{
    Received,
    Planned,
    Cutting,
    Assembling,
    Ready,
    Failed,
    /// <summary>Its media were deleted (consent withdrawn, or the guidance ended); its professional record stays.</summary>
    Erased,
}

/// <summary>A tag flagging a safety concern, for the therapist and the case's reviewers: its id and moment, never its note.</summary>
public sealed record StatusConcern(string TagId, double Start, double End);

/// <summary><c>pipeline/{caseId}/{sessionId}/status.json</c>: what the therapist and the tools poll.</summary>
public sealed record SessionStatus
{
    public required string CaseId { get; init; }
    public required string SessionId { get; init; }
    /// <summary>The plan being worked on; a newer manifest gives a new plan that supersedes it.</summary>
    public string? PlanId { get; init; }
    public SessionState State { get; init; }
    public int ClipsDone { get; init; }
    public int ClipsTotal { get; init; }
    public IReadOnlyList<FieldProblem> Warnings { get; init; } = [];
    public IReadOnlyList<FieldProblem> Errors { get; init; } = [];
    /// <summary>Tags flagging a safety concern: never cut; the reporting code (meldcode) is the therapist's to follow.</summary>
    public IReadOnlyList<StatusConcern> Concerns { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ReadyAt { get; init; }
    /// <summary>The plan of the last ready reel: kept while a newer manifest is planned and cut, so that reel can still be watched.</summary>
    public string? ReelPlanId { get; init; }
    /// <summary>The version (ETag) of the manifest this status answers: a page that sent one follows until it is this one.</summary>
    public string? Manifest { get; init; }

    /// <summary>The same status with its problems said in <paramref name="language"/> (stored, they are in English).</summary>
    public SessionStatus In(string language) =>
        this with { Warnings = [.. Warnings.Select(w => w.In(language))], Errors = [.. Errors.Select(e => e.In(language))] };

    /// <summary>One line for people: "planned", "cutting 3/8", "ready", "failed: …".</summary>
    public string Progress => State switch
    {
        SessionState.Cutting => $"cutting {ClipsDone}/{ClipsTotal}",
        SessionState.Failed => $"failed: {string.Join("; ", Errors.Select(e => e.Message))}",
        _ => State.ToString().ToLowerInvariant(),
    };
}
