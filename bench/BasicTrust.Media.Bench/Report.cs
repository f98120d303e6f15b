using System.Globalization;

namespace BasicTrust.Media.Bench;

/// <summary>The Markdown table, ratios against the naive way.</summary>
static class Report
{
    public static string Table(IReadOnlyList<Row> rows, (long Tagged, long Index) weight, long recordingBytes)
    {
        var naive = rows.FirstOrDefault(r => r.Mode == "naive") ?? rows[0];
        var copy = rows.FirstOrDefault(r => r.Mode == "copy");
        var draft = rows.FirstOrDefault(r => r.Mode == "draft");
        var needed = weight.Tagged + weight.Index;
        string Line(Row r) => string.Create(CultureInfo.InvariantCulture,
            $"| {Name(r.Mode, r.Preset)} | {r.Seconds:0.0} | {r.Seconds / naive.Seconds:0.00}× | {naive.Seconds / r.Seconds:0.0}× | {r.BytesRead / 1e6:0.0} | {(double)r.BytesRead / needed:0.00}× | {r.PeakRssMb} | {r.FfmpegPeakRssMb} | {r.OutputSeconds:0.0} |");
        return string.Create(CultureInfo.InvariantCulture, $"""
            8 clips ({Clips.Ranges.Sum(r => (r.Out - r.In).TotalSeconds):0} s) from a 20-minute 1080p30 H.264 recording ({recordingBytes / 1e6:0} MB, index at the end) in Azurite
            ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores). Tagged ranges plus index: {needed / 1e6:0.0} MB.

            | way | wall time (s) | time vs naive | speed-up | bytes read (MB) | read vs tagged+index | our peak RSS (MB) | FFmpeg peak RSS (MB) | clip seconds out |
            |---|---|---|---|---|---|---|---|---|
            {string.Join("\n", rows.Select(Line))}

            {(draft is not null && copy is not null ? $"Draft vs raw stream copy: {draft.Seconds / copy.Seconds:0.00}× the time." : "")}
            """);
    }

    static string Name(string mode, string preset) => mode switch
    {
        "naive" => "(a) naive: download all, re-encode 1080p (veryfast)",
        "copy" => "raw FFmpeg stream copy from the URL (yardstick)",
        "precise" => $"(b) ours, precise 720p from range reads ({preset})",
        _ => "(c) ours, draft (stream copy to keyframes)",
    };
}
