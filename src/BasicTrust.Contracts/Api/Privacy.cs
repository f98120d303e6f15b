namespace BasicTrust.Contracts.Api;

/// <summary><c>PUT /api/cases/{caseId}/people</c>: the case's people, whole (the list replaces the one before).</summary>
public sealed record CasePeopleRequest(IReadOnlyList<CasePersonRequest>? People = null);

/// <summary>
/// A person of the case: a pseudonymous id, a role, a child's age band, and whether they hold parental authority
/// (absent: as the role usually does; see <c>authority</c> in the answer).
/// </summary>
public sealed record CasePersonRequest(string? Id = null, string? Role = null, string? AgeBand = null, bool? Authority = null);

/// <summary><c>POST /api/cases/{caseId}/consents</c>: a consent given by a person of the case (or <c>iemand-anders</c>).</summary>
/// <param name="GivenAt">When it was given (default: now); not in the future.</param>
public sealed record ConsentRequest(string? Person = null, IReadOnlyList<string>? Scopes = null, string? Means = null, DateTimeOffset? GivenAt = null);

/// <summary><c>PUT /api/cases/{caseId}/hold</c>: a legal hold, which stops the deletion of the case's recordings; why, in words.</summary>
public sealed record HoldRequest(string? Reason = null);

/// <summary>A legal hold on a case's recordings: why, set by whom (object id) and when.</summary>
public sealed record DeletionHold(string Reason, string By, DateTimeOffset At);

/// <summary>
/// A person of the case with what consent decides for them: whose consent counts for them (<c>ConsentFrom</c>, by the
/// age rule), for which scopes everyone of those gave it (<c>Covered</c>), and whether nobody in the case can give it
/// (<c>NoAuthority</c>: a child under 16 and no one with parental authority).
/// </summary>
public sealed record PrivacyPerson(string Id, string Role, string? AgeBand, bool Authority, IReadOnlyList<string> ConsentFrom, IReadOnlyList<string> Covered, bool NoAuthority);

/// <summary>One consent as recorded: by whom, for which scopes, how (<c>formulier</c> or <c>mondeling</c>), when; withdrawn, when.</summary>
public sealed record ConsentEntry(string Id, string Person, IReadOnlyList<string> Scopes, string Means, DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt);

/// <summary>A person on a recording without the consent a use needs: whose consent is missing, or that nobody can give it.</summary>
public sealed record MissingConsentEntry(string Person, IReadOnlyList<string> From, bool NoAuthority);

/// <summary>
/// A recording (a session) and who is on it, as its manifest said; whose consent is missing for feedback and for
/// supervision; and, once its media are deleted, when and why (<c>withdrawn</c> or <c>guidance-ended</c>).
/// </summary>
public sealed record RecordingConsent(string SessionId, IReadOnlyList<string> OnRecording, IReadOnlyList<MissingConsentEntry> MissingFeedback,
    IReadOnlyList<MissingConsentEntry> MissingSupervision, DateTimeOffset? ErasedAt = null, string? ErasedBecause = null);

/// <summary>
/// <c>GET /api/cases/{caseId}/privacy</c> (the owner and privacy officers): the case's people and consents, its
/// recordings with who is on them and what consent they miss, and the end of the guidance: when it closed, when its
/// recordings are deleted (<c>DeleteAt</c>: closed plus <c>RetentionDays</c>; not while on hold) and when they were.
/// </summary>
public sealed record PrivacyAnswer(string CaseId, IReadOnlyList<PrivacyPerson> People, IReadOnlyList<ConsentEntry> Consents, IReadOnlyList<RecordingConsent> Recordings,
    int RetentionDays, DateTimeOffset? ClosedAt = null, DateTimeOffset? DeleteAt = null, DeletionHold? Hold = null, DateTimeOffset? MediaDeletedAt = null);

/// <summary>
/// <c>POST /api/cases/{caseId}/consents/{consentId}/withdraw</c>: the case's privacy now, and the recordings whose
/// media were deleted because someone on them lost the feedback consent, with what was removed of each.
/// </summary>
public sealed record ConsentWithdrawn(PrivacyAnswer Privacy, IReadOnlyList<ErasedRecording> Erased);

/// <summary>A recording whose media (the recording, its preview, clips, stills and reels) were deleted: how many blobs, review rows and queue messages.</summary>
public sealed record ErasedRecording(string SessionId, int Blobs, int Reviews, int Messages);

/// <summary><c>GET /api/privacy/cases</c> (privacy officers): every case that is not purged, as <see cref="PrivacyAnswer"/>.</summary>
public sealed record PrivacyOverview(IReadOnlyList<PrivacyAnswer> Cases, int RetentionDays);
