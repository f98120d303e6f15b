using System.Globalization;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Reels;

namespace BasicTrust.Media.Bench;

/// <summary>The clip sets the benchmark cuts, and what the main set weighs in its recording.</summary>
static class Clips
{
    /// <summary>8 clips, 230 s in all, spread over the 20-minute recording.</summary>
    public static readonly (TimeSpan In, TimeSpan Out)[] Main = Seconds((61.3, 86.3), (170.5, 200.5), (305.2, 333.2), (452.8, 484.8), (601.1, 628.1), (790.4, 820.4), (955.7, 984.7), (1101.9, 1130.9));

    /// <summary>3 clips, 83 s, in the first 5 minutes: the same ranges in recordings of different GOP structures.</summary>
    public static readonly (TimeSpan In, TimeSpan Out)[] FirstFiveMinutes = Seconds((20.3, 45.3), (130.5, 160.5), (240.2, 268.2));

    /// <summary><paramref name="count"/> tags of 10 s spread evenly over a recording of <paramref name="length"/>, not on keyframes.</summary>
    public static (TimeSpan In, TimeSpan Out)[] Spread(int count, TimeSpan length) =>
        Seconds([.. Enumerable.Range(0, count).Select(i => 0.05 * length.TotalSeconds + i * 0.9 * length.TotalSeconds / count + 0.37).Select(s => (s, s + 10))]);

    static (TimeSpan In, TimeSpan Out)[] Seconds(params (double In, double Out)[] ranges) =>
        [.. ranges.Select(r => (TimeSpan.FromSeconds(r.In), TimeSpan.FromSeconds(r.Out)))];

    public static string Format((TimeSpan In, TimeSpan Out)[] ranges) =>
        string.Join(',', ranges.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.In.TotalSeconds:0.###}-{r.Out.TotalSeconds:0.###}")));

    public static (TimeSpan In, TimeSpan Out)[] Parse(string text) =>
        [.. text.Split(',').Select(r => r.Split('-')).Select(p => (TimeSpan.FromSeconds(double.Parse(p[0], CultureInfo.InvariantCulture)), TimeSpan.FromSeconds(double.Parse(p[1], CultureInfo.InvariantCulture))))];

    /// <summary>The bytes of the packets inside the clip ranges (all streams; one full packet pass), and the index (<c>moov</c>) size.</summary>
    public static async Task<(long Tagged, long Index)> TaggedBytesAsync(string recording, (TimeSpan In, TimeSpan Out)[] ranges)
    {
        var packets = await Ffprobe.PacketsAsync(recording, "", new ProcessRunOptions { Timeout = TimeSpan.FromHours(1) });
        long tagged = 0;
        foreach (var packet in packets)
            if (TimeSpan.TryParse(packet.PtsTime, CultureInfo.InvariantCulture, out var t) && ranges.Any(r => t >= r.In && t < r.Out))
                tagged += packet.Size;
        return (tagged, Mp4Boxes.Size(recording, "moov"));
    }
}
