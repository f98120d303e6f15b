using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Planning;
using BasicTrust.Highlights.Vocabulary;
using BasicTrust.Media.Clips;
using BasicTrust.Media.Probing;

namespace BasicTrust.Contracts.Documents;

/// <summary>
/// <c>pipeline/{caseId}/{sessionId}/{planId}/plan.json</c>: everything the clip and reel workers need, fixed at
/// planning time: the probed recording, the one encoding all clips share (with the x264 settings for smart cuts when
/// the recording allows them, and why not otherwise), the clips in showing order, chapters and captions, and where the
/// clips' emphases sit in the reel (each clip's own, in its frames, are on the clip). <see cref="CutsFrom"/>: the earlier
/// plan of the same recording whose cut decision (encoding, keyframes, reason) this one took over instead of deciding
/// again (a later round; its probe is taken over whenever the last plan was of the same recording).
/// </summary>
public sealed record PlanDocument(
    string PlanId,
    string CaseId,
    string SessionId,
    string Method,
    string Recording,
    string RecordingETag,
    DateTimeOffset? NextSessionAt,
    ClipQuality Quality,
    string Language,
    MediaInfo Media,
    ClipEncoding Encoding,
    IReadOnlyList<PlannedClip> Clips,
    IReadOnlyList<Chapter> Chapters,
    IReadOnlyList<CaptionCue> Cues,
    TimeSpan Duration,
    Course? Course = null,
    IReadOnlyList<Goal>? Goals = null,
    IReadOnlyList<PlannedTag>? Considered = null,
    IReadOnlyList<PlannedTag>? Concerns = null,
    string? CutReason = null,
    IReadOnlyList<PlannedPerson>? People = null,
    IReadOnlyList<FieldProblem>? Warnings = null,
    IReadOnlyList<EmphasisSpan>? Emphases = null,
    string? CutsFrom = null)
{
    /// <summary>The plan's document for a validated manifest and its reel plan.</summary>
    public static PlanDocument From(SessionManifest manifest, ReelPlan plan, string recordingETag, MediaInfo media, ClipEncoding encoding, string cutReason,
        IReadOnlyList<FieldProblem>? warnings = null) =>
        new(plan.PlanId, manifest.CaseId, manifest.SessionId, manifest.Method, manifest.Recording, recordingETag, manifest.NextSessionAt,
            plan.Settings.Quality, plan.Settings.Language, media, encoding,
            [.. plan.Clips.Select(c => PlannedClip.From(c, plan.Settings.Language))], plan.Chapters, plan.Cues, plan.Duration,
            manifest.Course, manifest.Goals, [.. plan.Considered.Select(t => PlannedTag.From(t, plan.Settings.Language))],
            [.. plan.Concerns.Select(t => PlannedTag.From(t, plan.Settings.Language))], cutReason,
            [.. manifest.People.Select(p => PlannedPerson.From(p, plan.Settings.Language))], warnings ?? [], plan.Emphases);

    /// <summary>The clip with this id, or null.</summary>
    public PlannedClip? Clip(string clipId) => Clips.FirstOrDefault(c => c.ClipId == clipId);
}

/// <summary>
/// A clip as the worker cuts it: in/out, the still's moment, the text written into the file (title and captions, never a
/// note), its tags, and the emphases the reel shows in it (in the clip's frames; the clip file itself is cut without them).
/// </summary>
public sealed record PlannedClip(string ClipId, int Index, TimeSpan In, TimeSpan Out, TimeSpan StillAt, Valence Valence, string Title, string Comment, IReadOnlyList<PlannedTag> Tags,
    IReadOnlyList<ClipEmphasis>? Emphases = null)
{
    public static PlannedClip From(ClipPlan clip, string language) =>
        new(clip.ClipId, clip.Index, clip.In, clip.Out, clip.StillAt, clip.Valence, ReelPlanner.Title(clip, language),
            ReelPlanner.Comment(clip),
            [.. clip.Tags.Select(t => PlannedTag.From(t, language))], clip.Emphases.Count == 0 ? null : clip.Emphases);
}

/// <summary>
/// A tag as the clinician gave it, labels resolved: the clinical label and the note stay here, in JSON a signed-in
/// professional reads, never in a video or caption.
/// </summary>
/// <param name="EmphasisSeconds">A freeze: how long the frame is held; slow motion: the half-window around the key moment (defaults filled in).</param>
public sealed record PlannedTag(string Id, string Label, string DisplayName, Valence Valence, Actor Actor, TimeSpan Start, TimeSpan End, TimeSpan KeyMoment, string? Note, string? Caption,
    bool Select = true, bool Concern = false, string? Goal = null, CaptionVoice CaptionVoice = CaptionVoice.Therapist,
    string? Person = null, string? Speaker = null, EmphasisKind? Emphasis = null, double? EmphasisSeconds = null)
{
    public static PlannedTag From(Tag t, string language) =>
        new(t.Id, t.Label.Code, t.Label.DisplayName(language), t.Valence, t.Actor, t.Start, t.End, t.KeyMoment, t.Note, t.Caption, t.Select, t.Concern, t.Goal, t.CaptionVoice,
            t.Person, t.Speaker, t.Emphasis?.Kind, t.Emphasis?.Length.TotalSeconds);
}

/// <summary>A person of the case by pseudonymous id: the role's code and its name in the reel's language, and a child's age band.</summary>
public sealed record PlannedPerson(string Id, string Role, string RoleName, string? AgeBand = null)
{
    public static PlannedPerson From(Person p, string language) => new(p.Id, p.Role.Code, p.Role.Name(language), p.AgeBand?.Code);
}
