// Clip cutting benchmark. Recordings live in Azurite; each way of cutting runs in its own child process (so memory
// figures are clean) and FFmpeg reads through a counting proxy (so "bytes read" is what crossed the wire). Every
// ratio is against rows measured in the same run. Groups:
//   main    8 clips (230 s) of a 20-minute 1080p30 recording: naive (download everything, re-encode 1080p; the
//           baseline), raw FFmpeg stream copy from the URL (the floor for drafts), and ours as the pipeline cuts a plan:
//           precise re-encoded at 720p, precise at the source's size (smart cut where the plan allows it), draft;
//   gop     the same 3 clips of recordings with 2 s, 10 s and open GOPs, another encoder's settings (a phone's: Main
//           profile, CAVLC, 1 s GOP) and B-pyramids, precise at the source's size;
//   tags    1, 8 and 32 tags of 10 s on the 20-minute recording;
//   length  4 tags of 10 s on 2-minute, 20-minute and 2-hour recordings;
//   hdr     (not in the default set) a clip and the preview of 1080p and 4K HEVC recordings, SDR and HLG (Hdr.cs).
// Prints a Markdown table and writes it to bench/results/media-clips.md (the hdr group's to media-hdr.md). Run it with
// bench/media.sh, which provisions FFmpeg and starts Azurite.
using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using BasicTrust.Media.Bench;

if (args is ["--mode", var childMode, var childUrl, var childPreset, var childRanges])
{
    Console.WriteLine(JsonSerializer.Serialize(await Modes.RunAsync(childMode, childUrl, childPreset, Clips.Parse(childRanges))));
    return 0;
}

if (Option("--scale-out") is { } hostCount)
{
    var storage = Environment.GetEnvironmentVariable("BASICTRUST_STORAGE") ?? throw new InvalidOperationException("run bench/media.sh");
    var benchRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));
    var app = Path.GetFullPath(Path.Combine(benchRoot, "../src/BasicTrust.Functions/bin/Release/net10.0"));
    var scaled = await ScaleOut.RunAsync(storage, app, await Source.Main.EnsureAsync(Path.Combine(benchRoot, ".cache")), int.Parse(hostCount, System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine(scaled);
    Directory.CreateDirectory(Path.Combine(benchRoot, "results"));
    await File.WriteAllTextAsync(Path.Combine(benchRoot, "results", "media-scale-out.md"), $"One session of 16 tags (10 s each) on the 20-minute 1080p recording, by DevHosts on one Azurite ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores shared with other work; load {Load()} at the end).\n\n{scaled}\n");
    return 0;
}

if (Option("--rounds") is { } repeats)
{
    var storage = Environment.GetEnvironmentVariable("BASICTRUST_STORAGE") ?? throw new InvalidOperationException("run bench/media.sh");
    var benchRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));
    var app = Path.GetFullPath(Path.Combine(benchRoot, "../src/BasicTrust.Functions/bin/Release/net10.0"));
    var cacheFolder = Path.Combine(benchRoot, ".cache");
    await Source.Short720.EnsureAsync(cacheFolder);
    var table = await Rounds.RunAsync(storage, app, Source.Medium720, await Source.Medium720.EnsureAsync(cacheFolder), int.Parse(repeats, System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine(table);
    Directory.CreateDirectory(Path.Combine(benchRoot, "results"));
    await File.WriteAllTextAsync(Path.Combine(benchRoot, "results", "media-rounds.md"),
        $"The second round after one of 8 moments moved, by one DevHost on Azurite: 8 tags of 10 s, precise at the source's size (smart cut), on the {Source.Medium720.Name} recording ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores shared with other work). Wall time from the manifest's upload to `ready` (planning, clips, reel). Command: `./bench/media.sh --rounds {repeats}`.\n\n{table}\n");
    return 0;
}

if (Option("--previews") is { } previewHosts)
{
    var storage = Environment.GetEnvironmentVariable("BASICTRUST_STORAGE") ?? throw new InvalidOperationException("run bench/media.sh");
    var benchRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));
    var app = Path.GetFullPath(Path.Combine(benchRoot, "../src/BasicTrust.Functions/bin/Release/net10.0"));
    // --minutes N: the recording's length (10 by default); --first-only: only the first playable seconds (a whole
    // 10-minute 4K preview takes the better part of an hour per row on 2 shared cores).
    var table = await SegmentedPreviews.RunAsync(storage, app, Path.Combine(benchRoot, ".cache"), int.Parse(previewHosts, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Option("--minutes") ?? "10", System.Globalization.CultureInfo.InvariantCulture), whole: !args.Contains("--first-only"));
    Console.WriteLine(table);
    Directory.CreateDirectory(Path.Combine(benchRoot, "results"));
    await File.WriteAllTextAsync(Path.Combine(benchRoot, "results", "media-previews.md"),
        $"A phone's HEVC recording's preview, made in segments (10 s windows, the default) through the pipeline by DevHosts on one Azurite ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores shared with other work). From the ask (as `POST …/preview`: `making`, a `preview-jobs` message) to the first segment made (the first playable second) and to `ready`. Command: `./bench/media.sh {string.Join(' ', args)}`.\n\n{table}\n");
    return 0;
}

var preset = Option("--preset") ?? "superfast";
var groups = (Option("--groups") ?? "main,gop,tags,length").Split(',');
var modes = (Option("--modes") ?? "naive,copy,precise,smart,draft").Split(',');
var connection = Environment.GetEnvironmentVariable("BASICTRUST_STORAGE") ?? throw new InvalidOperationException("run bench/media.sh");
var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));
var cache = Path.Combine(root, ".cache");

var runs = new List<Run>();
// --main-source 720p: the main group on the 20-minute 720p recording (a 2-minute one repeated: generated in a minute
// instead of the 1080p one's 25), for spread runs on a machine too busy to generate the 1080p recording.
var mainSource = Option("--main-source") == "720p" ? Source.Medium720 : Source.Main;
if (groups.Contains("main"))
    runs.AddRange(new[] { "naive", "copy", "precise", "smart", "draft" }.Select(m => new Run("main", m, mainSource, Clips.Main)));
if (groups.Contains("gop"))
    runs.AddRange([.. new[] { Source.Main, Source.Gop10, Source.OpenGop, Source.PhoneLike, Source.BPyramid }.Select(s => new Run("gop", "smart", s, Clips.FirstFiveMinutes)),
        new Run("gop", "draft", Source.Gop10, Clips.FirstFiveMinutes)]);
if (groups.Contains("tags"))
    runs.AddRange(new[] { 1, 8, 32 }.SelectMany(n => new[] { "smart", "draft" }.Select(m => new Run("tags", m, Source.Main, Clips.Spread(n, Source.Main.Length)))));
if (groups.Contains("length"))
    runs.AddRange(new[] { Source.Short720, Source.Medium720, Source.Long720 }.SelectMany(s => new[] { "smart", "draft" }.Select(m => new Run("length", m, s, Clips.Spread(4, s.Length)))));
if (groups.Contains("hdr"))
    runs.AddRange(Hdr.Runs());

runs.RemoveAll(r => r.Group != "hdr" && !modes.Contains(r.Mode));

var container = new BlobServiceClient(connection, BasicTrust.Storage.StorageClientDefaults.Blobs()).GetBlobContainerClient("bench-" + Guid.NewGuid().ToString("N")[..8]);
await container.CreateAsync();
try
{
    var proxy = await CountingProxy.StartAsync(new Uri(container.Uri.GetLeftPart(UriPartial.Authority)));
    await using var _ = proxy;
    var urls = new Dictionary<Source, string>();
    // Every row runs --repeat times, the passes interleaved, so what else loads the machine falls on every row alike.
    var repeat = int.Parse(Option("--repeat") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
    var samples = runs.ToDictionary(r => r, _ => new List<Row>());
    for (var pass = 1; pass <= repeat; pass++)
    foreach (var run in runs)
    {
        if (!urls.TryGetValue(run.Source, out var url))
            urls[run.Source] = url = await UploadAsync(await run.Source.EnsureAsync(cache), proxy.Port);
        Console.Error.WriteLine($"running {run.Group} {run.Mode} on {run.Source.Name}, {run.Ranges.Length} clips (pass {pass} of {repeat})");
        proxy.Reset();
        var load = Load();
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo(Environment.ProcessPath!, ["--mode", run.Mode, url, preset, Clips.Format(run.Ranges)]) { RedirectStandardOutput = true };
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0) throw new InvalidOperationException($"{run.Mode} on {run.Source.Name} failed");
        samples[run].Add(new Row(run, clock.Elapsed.TotalSeconds, proxy.Bytes, JsonSerializer.Deserialize<ModeResult>(output)!, $"{load}→{Load()}"));
    }
    var rows = runs.Select(r => Row.Summary(samples[r])).ToList();
    Directory.CreateDirectory(Path.Combine(root, "results"));
    if (rows.Where(r => r.Run.Group == "hdr").ToList() is { Count: > 0 } hdrRows)
    {
        var hdrTable = Hdr.Table(hdrRows);
        Console.WriteLine(hdrTable);
        await File.WriteAllTextAsync(Path.Combine(root, "results", "media-hdr.md"), hdrTable + "\n");
    }
    rows.RemoveAll(r => r.Run.Group == "hdr");
    if (rows.Count > 0)
    {
        var main = Path.Combine(cache, mainSource.File);
        var weight = groups.Contains("main") ? await Clips.TaggedBytesAsync(main, Clips.Main) : (0, 0);
        var table = Report.Table(rows, weight, preset);
        Console.WriteLine(table);
        await File.WriteAllTextAsync(Path.Combine(root, "results", Option("--out") ?? "media-clips.md"), $"{table}\n\nCommand: `./bench/media.sh {string.Join(' ', args)}`\n");
    }
}
finally
{
    await container.DeleteIfExistsAsync();
}
return 0;

async Task<string> UploadAsync(string recording, int proxyPort)
{
    var blob = container.GetBlobClient(Path.GetFileName(recording));
    Console.Error.WriteLine($"uploading {new FileInfo(recording).Length / 1_000_000} MB to Azurite");
    await using (var file = File.OpenRead(recording)) await blob.UploadAsync(file);
    return new UriBuilder(blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(6))) { Port = proxyPort }.Uri.ToString();
}

// The 1-minute load average: the machine's 2 cores are shared, and what else ran limits every figure.
static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

/// <summary>One way of cutting one clip set of one recording.</summary>
record Run(string Group, string Mode, Source Source, (TimeSpan In, TimeSpan Out)[] Ranges)
{
    public double ClipSeconds => Ranges.Sum(r => (r.Out - r.In).TotalSeconds);
}

/// <summary>What a run measured: one pass, or the median of several (<see cref="Summary"/>) with the fastest and how many.</summary>
record Row(Run Run, double Seconds, long BytesRead, ModeResult Result, string Load, double? MinSeconds = null, int Samples = 1)
{
    public double SecondsPerClipSecond => Seconds / Run.ClipSeconds;

    /// <summary>The median pass's figures with the median and fastest wall time, and every pass's load.</summary>
    public static Row Summary(IReadOnlyList<Row> passes)
    {
        var sorted = passes.OrderBy(p => p.Seconds).ToList();
        var median = (sorted[(sorted.Count - 1) / 2].Seconds + sorted[sorted.Count / 2].Seconds) / 2;
        return sorted[(sorted.Count - 1) / 2] with { Seconds = median, MinSeconds = sorted[0].Seconds, Samples = sorted.Count, Load = string.Join(", ", passes.Select(p => p.Load)) };
    }
}
