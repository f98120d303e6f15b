using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Probing;

namespace BasicTrust.Media.Sources;

/// <summary>
/// Finds where a recording's data really ends. An interrupted upload or copy of a file with its index at the
/// front still probes as complete; only reading packets shows the data stops early.
/// </summary>
static class Completeness
{
    static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1);

    /// <summary>Null when the last seconds can be read; otherwise the last readable position (to about a second).</summary>
    public static async Task<TimeSpan?> FindCutShortAsync(MediaSource source, ProcessRunOptions options, CancellationToken cancellationToken)
    {
        var duration = source.Info.Duration;
        var start = Max(TimeSpan.Zero, duration - Window);
        var (low, high) = (TimeSpan.Zero, duration);
        // Each step reads one bounded window, so a cut-short file is never read to the end; about 14 steps for 4 hours.
        for (var step = 0; step < 32; step++)
        {
            var last = await LastPacketAsync(source, start, start + Window, options, cancellationToken).ConfigureAwait(false);
            if (step == 0 && last >= duration - Tolerance) return null;
            if (last is { } end && end < Min(start + Window, duration) - Tolerance) return end;
            if (last is null) high = start; else low = start + Window;
            if (high - low < Tolerance) return low;
            start = low + (high - low) / 2;
        }
        return low;
    }

    static async Task<TimeSpan?> LastPacketAsync(MediaSource source, TimeSpan from, TimeSpan to, ProcessRunOptions options, CancellationToken cancellationToken)
    {
        var packets = await MediaProbe.VideoPacketsAsync(source.Location, source.ProbeArguments(), MediaProbe.Interval(from, to), options, cancellationToken).ConfigureAwait(false);
        return packets.Count == 0 ? null : packets.Max(p => p.Time);
    }

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
