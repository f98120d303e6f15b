namespace BasicTrust.Highlights.Manifest;

/// <summary>How a tag's key moment is made larger ("uitvergroten") in the reel.</summary>
public enum EmphasisKind
{
    /// <summary>The key moment's frame stands still for a while, the sound paused ("stilzetten").</summary>
    Freeze,
    /// <summary>A window around the key moment plays at half speed ("vertragen").</summary>
    Slow,
}

/// <summary>
/// A tag's emphasis as the manifest asks for it (<c>emphasis</c>, <c>emphasisSeconds</c>), its default length filled in.
/// Only the reel shows it: the clip files stay as cut.
/// </summary>
/// <param name="Length">A freeze: how long the frame is held. Slow motion: the half-window on either side of the key moment.</param>
public sealed record Emphasis(EmphasisKind Kind, TimeSpan Length)
{
    /// <summary>The manifest's names of the kinds, in <see cref="EmphasisKind"/>'s order.</summary>
    public static readonly string[] Names = ["freeze", "slow"];

    /// <summary>
    /// The default and the allowed lengths in seconds: a freeze holds 2 s (0.5–5: long enough to point at, short enough
    /// not to lose the thread); slow motion covers 1 s either side (0.5–3), which at half speed plays 4 s.
    /// </summary>
    public static (double Default, double Min, double Max) Seconds(EmphasisKind kind) => kind switch
    {
        EmphasisKind.Freeze => (2, 0.5, 5),
        _ => (1, 0.5, 3),
    };
}
