namespace BasicTrust.Media.Clips;

/// <summary>
/// Requested versus actual in and out of a cut clip, read back from the written file, so accuracy is
/// visible rather than assumed. The actual out is the end of the last frame.
/// </summary>
public sealed record ClipAccuracy(TimeSpan RequestedIn, TimeSpan RequestedOut, TimeSpan ActualIn, TimeSpan ActualOut, double FramesPerSecond)
{
    /// <summary>Frames the actual in lies after (+) or before (−) the requested in.</summary>
    public int InOffsetFrames => Frames(ActualIn - RequestedIn);

    /// <summary>Frames the actual out lies after (+) or before (−) the requested out.</summary>
    public int OutOffsetFrames => Frames(ActualOut - RequestedOut);

    /// <summary>How long the clip actually runs.</summary>
    public TimeSpan ActualDuration => ActualOut - ActualIn;

    int Frames(TimeSpan offset) => (int)Math.Round(offset.TotalSeconds * FramesPerSecond);
}
