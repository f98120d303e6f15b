using BasicTrust.Media.Indexing;

namespace BasicTrust.Media.Previews;

/// <summary>
/// A window of a recording that one job makes into a piece of its preview: from a keyframe to the next window's
/// keyframe (the last one to the recording's end), in the recording's time.
/// </summary>
public sealed record PreviewSegment(TimeSpan Start, TimeSpan End)
{
    /// <summary>
    /// Splits a recording at keyframes into windows of at least <paramref name="length"/> (the last may be shorter),
    /// so each window decodes on its own. Without an index (a container that has none), or with open GOPs (a keyframe's
    /// leading frames need the window before), the whole recording is one window.
    /// </summary>
    public static IReadOnlyList<PreviewSegment> Split(KeyframeIndex? index, TimeSpan duration, TimeSpan length)
    {
        if (index is null || index.OpenGop || length <= TimeSpan.Zero) return [new(TimeSpan.Zero, duration)];
        var starts = new List<TimeSpan> { TimeSpan.Zero };
        foreach (var keyframe in index.Keyframes.Select(index.Time))
            if (keyframe >= starts[^1] + length && keyframe < duration) starts.Add(keyframe);
        return [.. starts.Select((start, i) => new PreviewSegment(start, i + 1 < starts.Count ? starts[i + 1] : duration))];
    }
}
