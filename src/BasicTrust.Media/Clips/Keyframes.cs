using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Clips;

/// <summary>Finds keyframes around a clip by reading only packet headers in small windows of the recording.</summary>
static class Keyframes
{
    static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    /// <summary>The keyframe at or before <paramref name="from"/> and the one at or after <paramref name="to"/> (or the end).</summary>
    public static async Task<(TimeSpan Start, TimeSpan End)> AroundAsync(MediaSource source, TimeSpan from, TimeSpan to, ProcessRunOptions? options, CancellationToken cancellationToken)
    {
        var start = TimeSpan.Zero;
        // Widen the window backwards until a keyframe turns up (GOPs are usually 1–10 s).
        for (var back = Window; ; back += back)
        {
            var windowStart = from > back ? from - back : TimeSpan.Zero;
            var keys = await KeyframesAsync(source, windowStart, from, options, cancellationToken).ConfigureAwait(false);
            var before = keys.Where(k => k <= from).ToList();
            if (before.Count > 0) { start = before.Max(); break; }
            if (windowStart == TimeSpan.Zero) break;
        }
        var after = (await KeyframesAsync(source, to, to + Window + Window, options, cancellationToken).ConfigureAwait(false)).Where(k => k >= to).ToList();
        return (start, after.Count > 0 ? after.Min() : source.Info.Duration);
    }

    static async Task<IReadOnlyList<TimeSpan>> KeyframesAsync(MediaSource source, TimeSpan from, TimeSpan to, ProcessRunOptions? options, CancellationToken cancellationToken) =>
        (await MediaProbe.VideoPacketsAsync(source.Location, source.InputArguments(), from, to, options, cancellationToken).ConfigureAwait(false))
            .Where(p => p.IsKeyframe).Select(p => p.Time).ToList();
}
