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

    /// <summary>A clip holding any learning moment is shown as one (with care); otherwise it is a strength.</summary>
    public Valence Valence => Tags.Any(t => t.Valence == Valence.Learning) ? Valence.Learning : Valence.Strength;

    /// <summary>Each tag's key moment, in recording time, kept inside the clip.</summary>
    public IReadOnlyList<TimeSpan> KeyMoments => Tags.Select(t => Clamp(t.KeyMoment)).ToList();

    /// <summary>The moment the clip's still shows: its first tag's key moment.</summary>
    public TimeSpan StillAt => KeyMoments[0];

    TimeSpan Clamp(TimeSpan time) => time < In ? In : time > Out ? Out : time;
}
