using System.Globalization;
using System.Text;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Planning;
using BasicTrust.Highlights.Time;

namespace BasicTrust.Media.Reels;

/// <summary>
/// The filters that make an emphasis, from our own numbers only (frame numbers, sample counts, the frame rate).
/// Picture: each frame gets its new time, and the <c>fps</c> filter repeats a frame into the gap behind it: a freeze's
/// key frame into its held seconds, each frame of a slow window into the frame after it. Sound: the clip's sound cut at
/// the emphases, with silence for a freeze and the window at half speed for slow motion.
/// </summary>
internal static class EmphasisFilters
{
    /// <summary>The sample rate of every clip's sound (<see cref="Ffmpeg.ArgumentExtensions.WithAacStereo"/>).</summary>
    const int SampleRate = 48000;

    /// <summary>
    /// <c>setpts</c> for an encoded part: frame N of the part (counted from its first) shows at its number in the clip,
    /// plus what the parts before added (<see cref="EmphasisPart.Shift"/>), plus what its own emphases before it added;
    /// in seconds on the grid.
    /// </summary>
    public static string Timestamps(EmphasisPart part, FrameGrid grid)
    {
        var frame = new StringBuilder().Append(Invariant($"{part.From + part.Shift}+N"));
        foreach (var e in part.Emphases)
        {
            var at = e.From - part.From;
            // FFMpegCore escapes the commas for the filter graph.
            frame.Append(e.Kind == EmphasisKind.Freeze ? Invariant($"+{e.Added}*gt(N,{at})") : Invariant($"+clip(N-{at},0,{e.Count})"));
        }
        return Invariant($"({frame})*{grid.Denominator}/({grid.Numerator}*TB)");
    }

    /// <summary>
    /// The sound of a clip of <paramref name="frames"/> frames with its <paramref name="emphases"/>, as a filter graph on
    /// input 0 labelled <c>[a]</c>: a freeze inserts silence once its frame has been shown (the sound pauses with the
    /// picture); slow motion plays the window's sound at half speed (<c>atempo</c> keeps the pitch, so what the parent
    /// says stays in step with the picture and sounds like them), each stretch padded or cut to the sample, and the
    /// whole to the reel version's exact length, so the clips after it in the reel start on their frame.
    /// </summary>
    public static string Sound(IReadOnlyList<ClipEmphasis> emphases, int frames, FrameGrid grid)
    {
        long Samples(long count) => (long)Math.Round((decimal)count * grid.Denominator * SampleRate / grid.Numerator, MidpointRounding.AwayFromZero);
        var stretches = new List<(long From, long? To, long Length, EmphasisKind? Kind)>();
        var at = 0L;
        foreach (var e in emphases.OrderBy(e => e.From))
        {
            var (from, to) = e.Kind == EmphasisKind.Freeze ? (Samples(e.From + 1), Samples(e.From + 1)) : (Samples(e.From), Samples(e.From + e.Count));
            if (from > at) stretches.Add((at, from, from - at, null));
            stretches.Add((from, to, e.Kind == EmphasisKind.Freeze ? Samples(e.Added) : 2 * (to - from), e.Kind));
            at = to;
        }
        stretches.Add((at, null, 0, null));
        var read = stretches.Count(s => s.Kind != EmphasisKind.Freeze);
        var graph = new StringBuilder(Invariant($"[0:a]aresample={SampleRate},asplit={read}"));
        for (var i = 0; i < read; i++) graph.Append(Invariant($"[r{i}]"));
        var (reader, labels) = (0, new StringBuilder());
        for (var i = 0; i < stretches.Count; i++)
        {
            var (from, to, length, kind) = stretches[i];
            graph.Append(';');
            if (kind == EmphasisKind.Freeze)
                graph.Append(Invariant($"anullsrc=r={SampleRate}:cl=stereo,atrim=end_sample={length}"));
            else
            {
                graph.Append(Invariant($"[r{reader++}]atrim=start_sample={from}")).Append(to is { } end ? Invariant($":end_sample={end}") : "").Append(",asetpts=PTS-STARTPTS");
                if (kind == EmphasisKind.Slow) graph.Append(Invariant($",atempo=0.5,apad=whole_len={length},atrim=end_sample={length}"));
            }
            graph.Append(Invariant($"[s{i}]"));
            labels.Append(Invariant($"[s{i}]"));
        }
        var total = Samples(frames + emphases.Sum(e => e.Added));
        return graph.Append(';').Append(labels).Append(Invariant($"concat=n={stretches.Count}:v=0:a=1,apad=whole_len={total},atrim=end_sample={total}[a]")).ToString();
    }

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
