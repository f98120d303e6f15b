using System.Globalization;

namespace BasicTrust.Media.Bench;

/// <summary>
/// The hdr group: what converting HDR to SDR costs. The same 20-second test picture as phones record it (HEVC, a
/// keyframe every second), 8-bit SDR and 10-bit HLG (BT.2020, tagged), at 1080p and 4K; a 10 s clip from its middle,
/// precise as the pipeline cuts it (re-encoded at 720p: not H.264) and the editor's preview of the whole recording
/// (H.264, at most 720 lines). The SDR rows are the baseline: every HLG row is set against the SDR row of the same size
/// and way in the same run. The machine is shared, so each pair runs twice in the order SDR, HLG, HLG, SDR and the
/// faster run of each counts.
/// </summary>
static class Hdr
{
    const string Hlg = "-x265-params log-level=error:keyint=30:colorprim=bt2020:transfer=arib-std-b67:colormatrix=bt2020nc -tag:v hvc1 " +
        "-color_primaries bt2020 -color_trc arib-std-b67 -colorspace bt2020nc";
    const string Sdr = "-x265-params log-level=error:keyint=30 -tag:v hvc1";

    public static readonly Source Sdr1080 = new("20-s 1080p HEVC SDR", "phone-1080p30-20s-gop1s-sdr.mp4", 20, "1920x1080", Sdr, Encoder: "libx265");
    public static readonly Source Hlg1080 = new("20-s 1080p HEVC HLG 10-bit", "phone-1080p30-20s-gop1s-hlg.mp4", 20, "1920x1080", Hlg, Encoder: "libx265", PixelFormat: "yuv420p10le");
    public static readonly Source Sdr4K = new("20-s 4K HEVC SDR", "phone-2160p30-20s-gop1s-sdr.mp4", 20, "3840x2160", Sdr, Encoder: "libx265");
    public static readonly Source Hlg4K = new("20-s 4K HEVC HLG 10-bit", "phone-2160p30-20s-gop1s-hlg.mp4", 20, "3840x2160", Hlg, Encoder: "libx265", PixelFormat: "yuv420p10le");

    /// <summary>The frame rate of every hdr source and of what is made of it.</summary>
    const double Rate = 30;

    /// <summary>Per size and way: SDR, HLG, HLG, SDR (a load that drifts during the pair weighs on both alike).</summary>
    public static IEnumerable<Run> Runs() =>
        new[] { (Sdr1080, Hlg1080), (Sdr4K, Hlg4K) }.SelectMany(pair => new[] { "precise", "preview" }.SelectMany(mode =>
            new[] { pair.Item1, pair.Item2, pair.Item2, pair.Item1 }.Select(s => Way(mode, s))));

    static Run Way(string mode, Source source) => mode == "preview"
        ? new Run("hdr", mode, source, [(TimeSpan.Zero, source.Length)])
        : new Run("hdr", mode, source, [(TimeSpan.FromSeconds(5.3), TimeSpan.FromSeconds(15.3))]);

    public static string Table(IReadOnlyList<Row> all)
    {
        var rows = all.GroupBy(r => (r.Run.Mode, r.Run.Source)).Select(g => g.MinBy(r => r.Seconds)!).ToList();
        double Fps(Row r) => r.Result.OutputSeconds * Rate / r.Seconds;
        string Against(Row r) => rows.FirstOrDefault(b => b.Run.Mode == r.Run.Mode && b.Run.Source.Size == r.Run.Source.Size && b.Run.Source.PixelFormat == "yuv420p") is { } sdr && sdr != r
            ? string.Create(CultureInfo.InvariantCulture, $"{Fps(r) / Fps(sdr):0.00}× ({r.Seconds / sdr.Seconds:0.0}× the time)") : "baseline";
        string Line(Row r) => string.Create(CultureInfo.InvariantCulture,
            $"| {(r.Run.Mode == "preview" ? "preview (whole recording)" : "clip, precise 720p (10 s)")} | {r.Run.Source.Name} | {r.Result.OutputSeconds * Rate:0} | {r.Seconds:0.0} | {Fps(r):0.0} | {Against(r)} | {r.BytesRead / 1e6:0.0} | {r.Result.FfmpegPeakRssKb / 1024} | {r.Load} |");
        return string.Create(CultureInfo.InvariantCulture, $"""
            HDR to SDR from recordings in Azurite ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores shared with other work).
            Frames per second are the frames written over the whole child process's wall time (start-up, probe and plan
            included), the faster of two runs (SDR, HLG, HLG, SDR); each HLG row is set against the SDR row of the same
            size and way, measured in the same run. Bytes read: what crossed the wire; the clip seeks before decoding and
            converts only its own frames, but of a 20-second recording the relay's read-ahead (up to 8 MiB) and the index
            reads take most of the file (the main group shows reads follow the tagged seconds in long recordings).

            | way | recording | frames out | wall time (s) | frames per second | vs SDR | bytes read (MB) | FFmpeg peak RSS (MB) | load before→after |
            |---|---|---|---|---|---|---|---|---|
            {string.Join("\n", rows.Select(Line))}
            """);
    }
}
