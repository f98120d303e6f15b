using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Planning;

/// <summary>
/// A clip ready to render: definite in and out points in the recording, the tags it carries and its
/// key moments. <see cref="Index"/> is its position in time (0-based), whatever the reel order.
/// </summary>
public sealed record ClipPlan(int Index, string ClipId, TimeSpan In, TimeSpan Out, IReadOnlyList<Tag> Tags)
{
    /// <summary>How long the clip runs.</summary>
    public TimeSpan Duration => Out - In;

    /// <summary>Its tags' emphases placed in its frames (<see cref="EmphasisPlanner"/>), in clip order; none until placed.</summary>
    public IReadOnlyList<ClipEmphasis> Emphases { get; init; } = [];

    /// <summary>
    /// The clip's place in the reel comes from the parent's moments in it: any learning moment makes it one (shown with
    /// care), unless the parent repairs it (<see cref="Repaired"/>); otherwise any strength makes it a strength. A
    /// child's signal goes with the parent's response it sits with; only a clip of child observations alone is
    /// <see cref="Valence.Child"/>.
    /// </summary>
    public Valence Valence =>
        Tags.Any(t => t.Valence == Valence.Learning) && !Repaired ? Valence.Learning
        : Tags.Any(t => t.Valence == Valence.Strength) ? Valence.Strength
        : Valence.Child;

    /// <summary>
    /// Every learning moment in the clip is followed by a repair (a <see cref="Label.RepairCode"/> tag of the parent's
    /// strengths starting at or after it): the clip shows the parent restoring contact, a strength ("Herstel van contact is belangrijker dan
    /// altijd goed afstemmen").
    /// </summary>
    public bool Repaired
    {
        get
        {
            var learning = Tags.Where(t => t.Valence == Valence.Learning).ToList();
            return learning.Count > 0 && learning.All(l => Tags.Any(r => r.Label.IsRepair && r.Valence == Valence.Strength && r.Start >= l.Start));
        }
    }

    /// <summary>Each tag's key moment, in recording time, kept inside the clip.</summary>
    public IReadOnlyList<TimeSpan> KeyMoments => Tags.Select(t => Clamp(t.KeyMoment)).ToList();

    /// <summary>The moment the clip's still shows: its first tag's key moment.</summary>
    public TimeSpan StillAt => KeyMoments[0];

    TimeSpan Clamp(TimeSpan time) => time < In ? In : time > Out ? Out : time;
}
