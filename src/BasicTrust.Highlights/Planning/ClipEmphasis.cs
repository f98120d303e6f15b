using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Highlights.Planning;

/// <summary>
/// A tag's emphasis placed in its clip, in the clip's frames (frame 0 is its first) on the plan's frame grid: what the
/// reel shows instead of frames <see cref="From"/> to <see cref="From"/> + <see cref="Count"/> of the clip file.
/// </summary>
/// <param name="KeyMoment">The recording time of the key moment's frame.</param>
/// <param name="From">A freeze: the key moment's frame, held after it is shown. Slow motion: the window's first frame.</param>
/// <param name="Count">The clip's frames it covers: 1 for a freeze, the window's length for slow motion.</param>
/// <param name="Added">
/// Frames it adds to the reel: a freeze's held copies of its frame (its seconds); slow motion shows each of the
/// window's frames twice, so it adds the window's length once.
/// </param>
public sealed record ClipEmphasis(string TagId, EmphasisKind Kind, TimeSpan KeyMoment, int From, int Count, int Added)
{
    /// <summary>True when it covers some of the same frames as <paramref name="other"/>.</summary>
    public bool Overlaps(ClipEmphasis other) => From < other.From + other.Count && other.From < From + Count;

    /// <summary>
    /// Frames it has added by <paramref name="frames"/> (a time in the clip, in frames, fractional): a freeze all of its
    /// copies once its frame has been shown; slow motion as much as it has played of its window.
    /// </summary>
    public double AddedBy(double frames) => Kind == EmphasisKind.Freeze
        ? frames >= From + Count ? Added : 0
        : Math.Clamp(frames - From, 0, Count);

    /// <summary>Where it sits in its chapter, in frames, once <paramref name="before"/> frames were added by the emphases before it: the held copies, or the slowed window.</summary>
    public (int Start, int End) InChapter(int before) => Kind == EmphasisKind.Freeze
        ? (From + 1 + before, From + 1 + before + Added)
        : (From + before, From + before + Count + Added);
}
