using System.Globalization;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Clips;

/// <summary>Finds the keyframes around a clip while reading as little of the recording as possible.</summary>
static class Keyframes
{
    /// <summary>The keyframe at or before <paramref name="from"/>, and the first one after <paramref name="to"/> (or the end).</summary>
    public static async Task<(TimeSpan Start, TimeSpan End)> AroundAsync(MediaSource source, TimeSpan from, TimeSpan to, ProcessRunOptions? options, CancellationToken cancellationToken)
    {
        // One ffprobe run, two intervals. Seeking lands on the keyframe at or before a position, so the one packet read
        // at the in point is the start. From the keyframe before the out point, about a GOP is read for the next keyframe.
        var rate = source.Info.Video.AverageFrameRate > 0 ? source.Info.Video.AverageFrameRate : 30;
        var count = (int)Math.Ceiling(rate * 2);
        var packets = await PacketsAsync(source, $"{MediaProbe.Seconds(from)}%+#1,{Ahead(to, count)}", options, cancellationToken).ConfigureAwait(false);
        var first = packets.FirstOrDefault();
        var start = first is { IsKeyframe: true } && first.Time <= from ? first.Time : TimeSpan.Zero;
        for (var ahead = packets.Skip(1).ToList(); ; count *= 2)
        {
            if (ahead.Where(p => p.IsKeyframe && p.Time >= to).Select(p => (TimeSpan?)p.Time).Min() is { } end) return (start, end);
            if (ahead.Count < count || count > 1 << 20) return (start, source.Info.Duration); // the recording ended first
            ahead = [.. await PacketsAsync(source, Ahead(to, count * 2), options, cancellationToken).ConfigureAwait(false)];
        }
    }

    static string Ahead(TimeSpan position, int packets) => $"{MediaProbe.Seconds(position)}%+#{packets.ToString(CultureInfo.InvariantCulture)}";

    static Task<IReadOnlyList<Packet>> PacketsAsync(MediaSource source, string interval, ProcessRunOptions? options, CancellationToken cancellationToken) =>
        MediaProbe.VideoPacketsAsync(source.Location, source.ProbeArguments(), interval, options, cancellationToken);
}
