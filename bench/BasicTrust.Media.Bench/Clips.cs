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
        var csv = await ProcessRunner.RunAsync("ffprobe", ["-v", "error", "-show_entries", "packet=pts_time,size", "-of", "csv=p=0", recording]);
        long tagged = 0;
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            if (line.Split(',') is [var pts, var size, ..] && double.TryParse(pts, CultureInfo.InvariantCulture, out var t)
                && Ranges.Any(r => t >= r.In.TotalSeconds && t < r.Out.TotalSeconds))
                tagged += long.Parse(size, CultureInfo.InvariantCulture);
        return (tagged, Mp4Boxes.Size(recording, "moov"));
    }
}
