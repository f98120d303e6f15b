namespace BasicTrust.Highlights.Manifest;

/// <summary>A validated session manifest (schema <c>basictrust.session/v1</c>) with defaults applied.</summary>
public sealed record SessionManifest(
    string CaseId,
    string SessionId,
    string Method,
    string Recording,
    DateTimeOffset? RecordedAt,
    DateTimeOffset? NextSessionAt,
    IReadOnlyList<Tag> Tags,
    ReelSettings Reel,
    IReadOnlyDictionary<string, string> UnknownFields,
    Course? Course = null,
    IReadOnlyList<Goal>? Goals = null,
    IReadOnlyList<Person>? People = null)
{
    /// <summary>The people of the case, under pseudonymous roles (empty when the manifest names none).</summary>
    public IReadOnlyList<Person> People { get; init; } = People ?? [];

    /// <summary>
    /// Who is visible or audible on the recording: ids of the case's people, or <c>iemand-anders</c>. Null when the
    /// manifest does not say; the pipeline then refuses it, since it cannot check consent.
    /// </summary>
    public IReadOnlyList<string>? OnRecording { get; init; }

    /// <summary>The case's treatment goals (empty when the manifest names none).</summary>
    public IReadOnlyList<Goal> Goals { get; init; } = Goals ?? [];

    /// <summary>The only schema this version reads.</summary>
    public const string Schema = "basictrust.session/v1";
}

/// <summary>The outcome of reading a manifest: the manifest when there are no errors, and every problem found.</summary>
public sealed record ManifestReadResult(SessionManifest? Manifest, IReadOnlyList<Validation.Problem> Problems)
{
    /// <summary>True when nothing blocks planning.</summary>
    public bool IsValid => Manifest is not null;
}
