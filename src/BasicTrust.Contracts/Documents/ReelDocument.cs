using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Planning;
using BasicTrust.Media.Hdr;

namespace BasicTrust.Contracts.Documents;

/// <summary>
/// <c>reels/{caseId}/{sessionId}/{planId}/reel.json</c>: the reel's manifest for reviewers and tools, with the case's
/// people (pseudonymous roles), the plan's warnings (in English; the API says them in the reader's language) and,
/// when the recording was HDR, how (<see cref="Hdr"/>): its reel, clips and stills are then converted to BT.709 SDR.
/// Chapters and emphases are in reel seconds, which the clips' emphases lengthen; each clip's own timing is in
/// recording seconds.
/// </summary>
public sealed record ReelDocument(
    string CaseId,
    string SessionId,
    string PlanId,
    string Method,
    DateTimeOffset? NextSessionAt,
    double Duration,
    string Reel,
    string Captions,
    IReadOnlyList<ReelChapter> Chapters,
    IReadOnlyList<ClipDocument> Clips,
    DateTimeOffset CreatedAt,
    ReelCourse? Course = null,
    IReadOnlyList<ReelGoal>? Goals = null,
    IReadOnlyList<PlannedTag>? Considered = null,
    IReadOnlyList<ReelConcern>? Concerns = null,
    IReadOnlyList<PlannedPerson>? People = null,
    IReadOnlyList<FieldProblem>? Warnings = null,
    IReadOnlyList<ReelEmphasis>? Emphases = null,
    HdrInfo? Hdr = null);

/// <summary>
/// Which session of how many this reel comes from, the kind of session and the VIPP-SD visit's theme; <c>Label</c>
/// reads "sessie 3 van 8", <c>TypeName</c> "Video-feedback".
/// </summary>
public sealed record ReelCourse(int Session, int Of, string? Theme, string Label, string? Type = null, string? TypeName = null)
{
    public static ReelCourse? From(Course? course, string language) =>
        course is null ? null : new(course.Session, course.Of, course.Theme, course.Describe(language), course.Type,
            course.Type is null ? null : Highlights.Vocabulary.SessionTypes.Find(course.Type)?.Name(language));
}

/// <summary>A treatment goal and the reel's clips that show it, in showing order.</summary>
public sealed record ReelGoal(string Id, string Text, IReadOnlyList<string> ClipIds)
{
    public static IReadOnlyList<ReelGoal> From(PlanDocument plan) =>
        [.. (plan.Goals ?? []).Select(g => new ReelGoal(g.Id, g.Text, [.. plan.Clips.Where(c => c.Tags.Any(t => t.Goal == g.Id)).Select(c => c.ClipId)]))];
}

/// <summary>A tag flagging a safety concern: never in the reel; its id and moment, never its note.</summary>
public sealed record ReelConcern(string TagId, double Start, double End)
{
    public static ReelConcern From(PlannedTag t) => new(t.Id, Math.Round(t.Start.TotalSeconds, 3), Math.Round(t.End.TotalSeconds, 3));
}

/// <summary>A chapter in reel seconds.</summary>
public sealed record ReelChapter(string ClipId, string Title, double Start, double End)
{
    public static ReelChapter From(Chapter c) => new(c.ClipId, c.Title, Math.Round(c.Start.TotalSeconds, 3), Math.Round(c.End.TotalSeconds, 3));
}

/// <summary>
/// Where a clip's freeze or slow motion sits in the reel, in reel seconds: a freeze from its first held copy of the key
/// moment's frame to where the picture moves on (its seconds), slow motion from the window's first frame to the end of its
/// last one's second showing. <c>KeyMoment</c> is the recording time of the key moment's frame.
/// </summary>
public sealed record ReelEmphasis(string ClipId, string TagId, EmphasisKind Kind, double Start, double End, double KeyMoment)
{
    public static ReelEmphasis From(EmphasisSpan e) =>
        new(e.ClipId, e.TagId, e.Kind, Math.Round(e.Start.TotalSeconds, 3), Math.Round(e.End.TotalSeconds, 3), Math.Round(e.KeyMoment.TotalSeconds, 3));
}
