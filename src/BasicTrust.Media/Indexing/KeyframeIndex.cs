namespace BasicTrust.Media.Indexing;

/// <summary>
/// Where a recording's keyframes are and, when every frame lasts the same, its frame grid: read once per plan from
/// the container's index (MP4 sample tables, Matroska Cues) and kept next to the plan, so clips need no probing.
/// Times are in <see cref="Timescale"/> ticks, as the container stores them.
/// </summary>
/// <param name="Keyframes">Presentation times of the keyframes, ascending.</param>
/// <param name="FirstFrame">Presentation time of the first frame.</param>
/// <param name="FrameDuration">Ticks every frame lasts; 0 when they differ (variable frame rate) or the index does not say (Cues).</param>
/// <param name="FrameCount">Frames in the stream; 0 when the index does not say.</param>
/// <param name="OpenGop">A keyframe is followed in decode order by frames shown before it, which need the previous GOP.</param>
public sealed record KeyframeIndex(long Timescale, IReadOnlyList<long> Keyframes, long FirstFrame, long FrameDuration, int FrameCount, bool OpenGop)
{
    /// <summary>True when every frame lasts the same, so frame numbers and times convert exactly.</summary>
    public bool IsConstantFrameRate => FrameDuration > 0 && FrameCount > 0;

    /// <summary>Ticks as time.</summary>
    public TimeSpan Time(long ticks) => TimeSpan.FromSeconds((double)ticks / Timescale);

    /// <summary>
    /// The keyframe at or before <paramref name="from"/> (the first frame if none) and the first keyframe at or after
    /// <paramref name="to"/> (<paramref name="end"/>, the recording's end, if none): a stream copy between them keeps every tagged frame.
    /// </summary>
    public (TimeSpan Start, TimeSpan End) Around(TimeSpan from, TimeSpan to, TimeSpan end)
    {
        var (fromTicks, toTicks) = (Ticks(from), Ticks(to));
        var start = Keyframes.LastOrDefault(k => k <= fromTicks, FirstFrame);
        var next = Keyframes.FirstOrDefault(k => k >= toTicks, -1);
        return (Time(start), next < 0 ? end : Time(next));
    }

    /// <summary>The number of the frame showing at <paramref name="time"/>, rounded to the nearest frame start (constant frame rate only).</summary>
    public int FrameAt(TimeSpan time) => (int)Math.Clamp(Math.Round((double)(Ticks(time) - FirstFrame) / FrameDuration), 0, FrameCount);

    /// <summary>When frame <paramref name="frame"/> starts.</summary>
    public TimeSpan FrameTime(int frame) => Time(FirstFrame + frame * FrameDuration);

    /// <summary>The numbers of the keyframes (constant frame rate only).</summary>
    public IEnumerable<int> KeyframeNumbers() => Keyframes.Select(k => (int)Math.Round((double)(k - FirstFrame) / FrameDuration));

    long Ticks(TimeSpan time) => (long)Math.Round(time.TotalSeconds * Timescale);
}
