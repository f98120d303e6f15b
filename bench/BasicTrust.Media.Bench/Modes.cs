using System.Runtime.InteropServices;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Media.Clips;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Sources;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BasicTrust.Storage;
using FFMpegCore.Enums;

namespace BasicTrust.Media.Bench;

/// <summary>
/// What one mode's process reports: its own peak RSS, the largest FFmpeg's, the seconds of clips written, how many
/// clips were smart-cut, the plan's reason, and how long planning took (probe, container index, decision; ours only).
/// </summary>
sealed record ModeResult(long PeakRssKb, long FfmpegPeakRssKb, double OutputSeconds, int SmartCutClips, string Reason, double PlanSeconds);

/// <summary>
/// The ways of cutting, each run in a child process of the benchmark: naive, raw stream copy, and ours as the pipeline
/// cuts a plan (precise re-encoded at 720p, precise at the source's size, draft).
/// </summary>
static partial class Modes
{
    public static async Task<ModeResult> RunAsync(string mode, string url, string preset, (TimeSpan In, TimeSpan Out)[] ranges)
    {
        var work = Directory.CreateTempSubdirectory("bt-bench-");
        try
        {
            var outputs = ranges.Select((_, i) => Path.Combine(work.FullName, $"clip-{i}.mp4")).ToList();
            var (smart, reason, plan) = mode switch
            {
                "naive" => await NaiveAsync(url, ranges, outputs, work.FullName),
                "copy" => await CopyAsync(url, ranges, outputs),
                "precise" => await OursAsync(url, preset, ranges, outputs, ClipQuality.Precise, 720),
                "smart" => await OursAsync(url, preset, ranges, outputs, ClipQuality.Precise, null),
                "draft" => await OursAsync(url, preset, ranges, outputs, ClipQuality.Draft, null),
                "preview" => await PreviewAsync(url, outputs[0]),
                _ => throw new ArgumentException($"unknown mode {mode}"),
            };
            double seconds = 0;
            foreach (var output in outputs.Where(File.Exists)) seconds += (await MediaProbe.ProbeAsync(output)).Duration.TotalSeconds;
            return new ModeResult(PeakRssKb(), ChildrenPeakRssKb(), seconds, smart, reason, plan);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The whole blob first, then every clip re-encoded at the source's 1080p with x264's veryfast (a fixed baseline).</summary>
    static async Task<(int, string, double)> NaiveAsync(string url, (TimeSpan In, TimeSpan Out)[] ranges, List<string> outputs, string work)
    {
        var local = Path.Combine(work, "recording.mp4");
        using (var http = new HttpClient { Timeout = TimeSpan.FromHours(1) })
        await using (var body = await http.GetStreamAsync(url))
        await using (var file = File.Create(local))
            await body.CopyToAsync(file);
        foreach (var (range, output) in ranges.Zip(outputs))
            await FfmpegCommand.From(local, i => i.WithStartTime(range.In))
                .ToFile(output, o => o.WithDuration(range.Out - range.In).WithH264(EncoderPreset.VeryFast, 23).WithAacStereo().AsFastStartMp4()).RunAsync(Long);
        return (0, "", 0);
    }

    /// <summary>
    /// Raw FFmpeg stream copy straight from the URL, one run per clip, nothing else (no probe, no relay, no index): the
    /// floor for a draft. It starts at the keyframe before each in point like a draft, but stops at the out point.
    /// </summary>
    static async Task<(int, string, double)> CopyAsync(string url, (TimeSpan In, TimeSpan Out)[] ranges, List<string> outputs)
    {
        foreach (var (range, output) in ranges.Zip(outputs))
            await FfmpegCommand.From(url, i => i.WithStartTime(range.In))
                .ToFile(output, o => o.WithDuration(range.Out - range.In).CopyStreams().ForceFormat(ContainerFormats.Mp4)).RunAsync(Long);
        return (0, "", 0);
    }

    /// <summary>
    /// As the pipeline cuts one plan: FFmpeg reads a loopback relay that fetches bounded ranges through the SAS; the
    /// recording is probed and its container index read once (planning's part, included), the plan decides how its
    /// clips are cut, then each clip is cut that way, one after another as one instance takes one clip job at a time
    /// (host.json batchSize 1). Stills are not made (the naive way makes none either).
    /// </summary>
    static async Task<(int, string, double)> OursAsync(string url, string preset, (TimeSpan In, TimeSpan Out)[] ranges, List<string> outputs, ClipQuality quality, int? height)
    {
        await using var relay = await RelayAsync(url);
        var planning = System.Diagnostics.Stopwatch.StartNew();
        var source = await MediaSource.OpenAsync(relay.Url, new MediaLimits());
        var plan = await CutPlan.DecideAsync(source, quality, height, preset, Path.GetDirectoryName(outputs[0])!, Long);
        var planSeconds = planning.Elapsed.TotalSeconds;
        var smart = 0;
        foreach (var (range, output) in ranges.Zip(outputs))
        {
            var (_, method) = await ClipCutter.CutAsync(source, new ClipRequest(range.In, range.Out, "bench", "bench"), quality, plan.Encoding, plan.Keyframes, output, Long);
            if (method == CutMethod.SmartCut) smart++;
        }
        return (smart, plan.Reason, planSeconds);
    }

    /// <summary>The editor's preview of the whole recording as MakePreview makes it (through the relay, probe included); its need as the reason.</summary>
    static async Task<(int, string, double)> PreviewAsync(string url, string output)
    {
        await using var relay = await RelayAsync(url);
        var source = await MediaSource.OpenAsync(relay.Url, new MediaLimits());
        var (need, _) = Previews.BrowserPlayback.Decide(source.Info, "recording.mp4");
        await Previews.PreviewMaker.MakeAsync(source, need, output, Long);
        return (0, need.ToString(), 0);
    }

    /// <summary>The loopback relay the functions put between FFmpeg and storage, fetching bounded ranges through the SAS.</summary>
    static async Task<RangeRelay> RelayAsync(string url)
    {
        var blob = new BlobClient(new Uri(url), StorageClientDefaults.Blobs());
        var length = (await blob.GetPropertiesAsync()).Value.ContentLength;
        return RangeRelay.Start(length, async (offset, count, ct) =>
            (await blob.DownloadStreamingAsync(new BlobDownloadOptions { Range = new Azure.HttpRange(offset, count) }, ct)).Value.Content);
    }

    static readonly ProcessRunOptions Long = new() { Timeout = TimeSpan.FromHours(1) };

    static long PeakRssKb() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    /// <summary>getrusage(RUSAGE_CHILDREN).ru_maxrss: the peak RSS of the largest child that has been waited for (FFmpeg or ffprobe), in KB.</summary>
    static long ChildrenPeakRssKb() => GetRusage(-1, out var usage) == 0 ? usage.MaxRss : -1;

    [StructLayout(LayoutKind.Sequential)]
    struct Rusage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxRss;
        public long Ixrss, Idrss, Isrss, Minflt, Majflt, Nswap, Inblock, Oublock, Msgsnd, Msgrcv, Nsignals, Nvcsw, Nivcsw;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out Rusage usage);
}
