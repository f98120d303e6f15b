using BasicTrust.Highlights.Consent;

namespace BasicTrust.Functions.Consent;

/// <summary>Who is on one recording (a session), as its manifest said, and when and why its media were deleted.</summary>
public sealed record RecordingPeople(string SessionId, IReadOnlyList<string> OnRecording, DateTimeOffset? ErasedAt = null, string? ErasedBecause = null);

/// <summary>
/// What a case holds for privacy, read with its access record: its people, the consents given, who is on each
/// recording, and the end of the guidance (closed, held, media deleted). Pure: the rules of <see cref="ConsentRule"/>
/// over these values.
/// </summary>
public sealed record CasePrivacy(
    IReadOnlyList<CasePerson> People,
    IReadOnlyList<ConsentGiven> Consents,
    IReadOnlyList<RecordingPeople> Recordings,
    DateTimeOffset? ClosedAt = null,
    DeletionHold? Hold = null,
    DateTimeOffset? MediaDeletedAt = null)
{
    public static readonly CasePrivacy None = new([], [], []);

    /// <summary>Why a recording's media were deleted.</summary>
    public const string Withdrawn = "withdrawn", GuidanceEnded = "guidance-ended";

    /// <summary>Who of <paramref name="onRecording"/> lacks <paramref name="scope"/>.</summary>
    public IReadOnlyList<MissingConsent> Missing(IEnumerable<string> onRecording, string scope) => ConsentRule.Missing(onRecording, People, Consents, scope);

    /// <summary>The recording of <paramref name="sessionId"/>, or null when no manifest of it said who is on it.</summary>
    public RecordingPeople? Recording(string sessionId) => Recordings.FirstOrDefault(r => r.SessionId == sessionId);

    /// <summary>When the closed case's media are deleted: <paramref name="retention"/> after it closed; null while open or on hold.</summary>
    public DateTimeOffset? DeleteAt(TimeSpan retention) => ClosedAt is { } closed && Hold is null && MediaDeletedAt is null ? closed + retention : null;
}
