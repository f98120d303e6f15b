using System.Globalization;

namespace BasicTrust.Media.Bench;

/// <summary>The Markdown table: every speed-up against the naive way measured in the same run, per clip second.</summary>
static class Report
{
    public static string Table(IReadOnlyList<Row> rows, (long Tagged, long Index) weight, string preset)
    {
        var naive = rows.FirstOrDefault(r => r.Run.Mode == "naive") ?? rows[0];
        var copy = rows.FirstOrDefault(r => r.Run is { Group: "main", Mode: "copy" });
        var draft = rows.FirstOrDefault(r => r.Run is { Group: "main", Mode: "draft" });
        var smart = rows.FirstOrDefault(r => r.Run is { Group: "main", Mode: "smart" });
        var needed = weight.Tagged + weight.Index;
        var planned = rows.Where(r => r.Run.Mode == "smart").DistinctBy(r => r.Run.Source).ToList();
        string Line(Row r) => string.Create(CultureInfo.InvariantCulture,
            $"| {r.Run.Group} | {Name(r.Run.Mode, preset)} | {r.Run.Source.Name} | {r.Run.Ranges.Length} ({r.Run.ClipSeconds:0} s) | {r.Seconds:0.0} | {r.MinSeconds ?? r.Seconds:0.0} | {r.SecondsPerClipSecond:0.000} | {naive.SecondsPerClipSecond / r.SecondsPerClipSecond:0.0}× | {r.BytesRead / 1e6:0.0} | {(r.Run is { Group: "main" } && needed > 0 ? $"{(double)r.BytesRead / needed:0.00}×" : "")} | {r.Result.PeakRssKb / 1024} | {r.Result.FfmpegPeakRssKb / 1024} | {r.Result.OutputSeconds:0.0} | {Way(r)} | {r.Load} |");
        return string.Create(CultureInfo.InvariantCulture, $"""
            Clip cutting from recordings in Azurite ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores shared with other work, x264 preset {preset} for ours).
            Wall time is the whole child process (start-up included); "ours" includes the plan's probe, container index read and
            smart-cut decision (once per plan) and every clip, without stills. Each row ran {rows[0].Samples} time(s) in this run, the
            passes interleaved; wall time is their median and the fastest, the other figures the median pass's. Speed-up is the
            naive way's seconds per clip second over the row's, on the medians. Load: the 1-minute load average before and after
            each pass (2 cores; other builds and tests ran too).
            Tagged ranges plus index of the main set: {needed / 1e6:0.0} MB.

            | group | way | recording | clips | wall time, median (s) | fastest (s) | s per clip second | speed-up vs naive | bytes read (MB) | read vs tagged+index | our peak RSS (MB) | FFmpeg peak RSS (MB) | clip seconds out | how the plan cut | load before→after |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
            {string.Join("\n", rows.Select(Line))}

            {(smart is not null ? $"Precise at the source's size (smart cut) vs naive, on the medians: {naive.Seconds / smart.Seconds:0.0}× faster (goal ≥ 8×); fastest vs fastest: {naive.MinSeconds / smart.MinSeconds:0.0}×." : "")}
            {(draft is not null && copy is not null ? $"Draft vs raw stream copy, on the medians: {draft.Seconds / copy.Seconds:0.00}× the time (goal ≤ 1×; fastest vs fastest {draft.MinSeconds / copy.MinSeconds:0.00}×); without the plan's probe, index read and decision ({draft.Result.PlanSeconds:0.0} s, once per plan): {(draft.Seconds - draft.Result.PlanSeconds) / copy.Seconds:0.00}×." : "")}
            Smart cut applied to {planned.Count(r => r.Result.SmartCutClips > 0)} of {planned.Count} recordings: {string.Join("; ", planned.Select(r => $"{r.Run.Source.Name}: {r.Result.Reason}"))}.
            """);
    }

    static string Name(string mode, string preset) => mode switch
    {
        "naive" => "(a) naive: download all, re-encode 1080p (veryfast)",
        "copy" => "raw FFmpeg stream copy from the URL (yardstick for drafts)",
        "precise" => $"(b) ours, precise re-encoded at 720p ({preset})",
        "smart" => "(c) ours, precise at the source's size (default)",
        _ => "(d) ours, draft (stream copy to keyframes)",
    };

    static string Way(Row r) => r.Run.Mode switch
    {
        "naive" or "copy" => "",
        "draft" => "stream copy",
        _ => r.Result.SmartCutClips > 0 ? $"smart cut ({r.Result.SmartCutClips}/{r.Run.Ranges.Length} clips)" : "re-encode",
    };
}
