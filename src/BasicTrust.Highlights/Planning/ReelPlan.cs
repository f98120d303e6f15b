using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Highlights.Planning;

/// <summary>A chapter of the reel: one clip, titled with its labels.</summary>
public sealed record Chapter(string ClipId, string Title, TimeSpan Start, TimeSpan End);

/// <summary>
/// A caption shown over the reel, in reel time. <paramref name="Voice"/> names who speaks (in the reel's language);
/// <paramref name="ChildWords"/> marks the child's words, which the reel's captions set apart (italics).
/// </summary>
public sealed record CaptionCue(string TagId, TimeSpan Start, TimeSpan End, string Text, string? Voice = null, bool ChildWords = false);

/// <summary>The highlight reel: clips in showing order, chapters, caption cues and emphases in reel time.</summary>
public sealed record ReelPlan(
    string PlanId,
    IReadOnlyList<ClipPlan> Clips,
    IReadOnlyList<Chapter> Chapters,
    IReadOnlyList<CaptionCue> Cues,
    TimeSpan Duration,
    ReelSettings Settings)
{
    /// <summary>Tags kept out of the reel with select false: moments considered, not shown.</summary>
    public IReadOnlyList<Tag> Considered { get; init; } = [];
    /// <summary>Tags flagging a safety concern: never cut, listed for the therapist and the case's reviewers.</summary>
    public IReadOnlyList<Tag> Concerns { get; init; } = [];
    /// <summary>Where the clips' freezes and slow motion sit in the reel, in showing order.</summary>
    public IReadOnlyList<EmphasisSpan> Emphases { get; init; } = [];
}

/// <summary>The outcome of planning: a plan when nothing blocks it, and every problem found.</summary>
public sealed record PlanResult(ReelPlan? Plan, IReadOnlyList<Validation.Problem> Problems)
{
    /// <summary>True when there is a plan to render.</summary>
    public bool Succeeded => Plan is not null;
}
