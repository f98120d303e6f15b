using System.Globalization;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Reels;

namespace BasicTrust.Media.Bench;

/// <summary>The 8 clips (230 s in all) spread over the 20-minute recording, and what they weigh in it.</summary>
static class Clips
{
    public static readonly (TimeSpan In, TimeSpan Out)[] Ranges =
        [.. new (double, double)[] { (61.3, 86.3), (170.5, 200.5), (305.2, 333.2), (452.8, 484.8), (601.1, 628.1), (790.4, 820.4), (955.7, 984.7), (1101.9, 1130.9) }
            .Select(r => (TimeSpan.FromSeconds(r.Item1), TimeSpan.FromSeconds(r.Item2)))];

    /// <summary>The bytes of the packets inside the clip ranges (all streams), and the index (<c>moov</c>) size.</summary>
    public static async Task<(long Tagged, long Index)> TaggedBytesAsync(string recording)
    {
        var packets = await Ffprobe.PacketsAsync(recording, "", new ProcessRunOptions { Timeout = TimeSpan.FromHours(1) });
        long tagged = 0;
        foreach (var packet in packets)
            if (TimeSpan.TryParse(packet.PtsTime, CultureInfo.InvariantCulture, out var t) && Ranges.Any(r => t >= r.In && t < r.Out))
                tagged += packet.Size;
        return (tagged, Mp4Boxes.Size(recording, "moov"));
    }
}
