using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using BasicTrust.DevHost;

namespace BasicTrust.Media.Bench;

/// <summary>
/// A phone's recording's preview made in segments through the pipeline itself: a 10-minute 4K HEVC recording (or
/// another length) by 1 and by <c>hosts</c> DevHosts on one storage, and a 2-hour one by one. Each run is a new case; the bench asks for the
/// preview as <c>POST …/preview</c> does (marks it <c>making</c> and queues a <c>preview-jobs</c> message) and reads
/// <c>preview.json</c>: the time to the first segment made (the first playable second) and to every one (the whole
/// preview), each also as a multiple of the recording's length.
/// </summary>
static class SegmentedPreviews
{
    /// <summary>As a phone records: HEVC with a closed GOP of a second (x265's default open GOPs would make one segment).</summary>
    public static readonly Source Phone4K = new("20-s 4K HEVC, closed 1 s GOP", "phone-2160p30-20s-closed-gop.mp4", 20, "3840x2160",
        "-x265-params log-level=error:keyint=30:open-gop=0 -tag:v hvc1", Encoder: "libx265");
    /// <summary>The same picture at a fifth of the bitrate, so that two hours of it fit this machine's disk (about 4 GB instead of 20).</summary>
    public static readonly Source Phone4KLight = Phone4K with { Name = "20-s 4K HEVC, closed 1 s GOP, light", File = "phone-2160p30-20s-closed-gop-light.mp4",
        X264 = "-x265-params log-level=error:keyint=30:open-gop=0:crf=34 -tag:v hvc1" };

    /// <summary><paramref name="source"/> (20 s) repeated by stream copy to <paramref name="minutes"/> minutes.</summary>
    static Source Repeated(Source source, int minutes, string name) =>
        source with { Name = name, File = source.File.Replace("20s", $"{minutes}min", StringComparison.Ordinal), Seconds = minutes * 60, RepeatOf = source.File, Times = minutes * 3 };

    /// <summary>
    /// The rows: the <paramref name="minutes"/>-minute recording's first playable second and (<paramref name="whole"/>)
    /// whole preview by 1 and by <paramref name="hosts"/> workers; then, both light, a 10-minute and a 2-hour
    /// recording's first playable second by one.
    /// </summary>
    public static async Task<string> RunAsync(string connection, string app, string cache, int hosts, int minutes, bool whole)
    {
        var blobs = new BlobServiceClient(connection, BasicTrust.Storage.StorageClientDefaults.Blobs());
        var lines = new List<string>();
        await Phone4K.EnsureAsync(cache);
        var main = Repeated(Phone4K, minutes, $"{minutes}-min 4K HEVC");
        foreach (var count in whole ? [1, hosts] : new[] { 1 })
            lines.Add(await PreviewAsync(blobs, connection, app, await main.EnsureAsync(cache), main, count, whole));
        await Phone4KLight.EnsureAsync(cache);
        foreach (var light in new[] { Repeated(Phone4KLight, 10, "10-min 4K HEVC, light"), Repeated(Phone4KLight, 120, "2-h 4K HEVC, light") })
            lines.Add(await PreviewAsync(blobs, connection, app, await light.EnsureAsync(cache), light, 1, whole: false));
        return "| recording | size | workers | segments | first playable second (s) | whole preview (s) | whole / recording's length | load before→after |\n"
            + "|---|---|---|---|---|---|---|---|\n" + string.Join("\n", lines);
    }

    /// <summary>One preview by <paramref name="hosts"/> DevHosts: until the first segment is made, or (<paramref name="whole"/>) all of them.</summary>
    static async Task<string> PreviewAsync(BlobServiceClient blobs, string connection, string app, string path, Source source, int hosts, bool whole)
    {
        var caseId = $"previews-{hosts}-{Guid.NewGuid():N}"[..24];
        var started = new List<LocalFunctionsHost>();
        try
        {
            for (var i = 0; i < hosts; i++)
                started.Add(await LocalFunctionsHost.StartAsync(ScaleOut.Options(app, connection), LoggerFactory.Create(_ => { })));
            var recordings = blobs.GetBlobContainerClient("recordings");
            await recordings.CreateIfNotExistsAsync();
            Console.Error.WriteLine($"uploading {source.Name} ({new FileInfo(path).Length / 1_000_000} MB)");
            await using (var file = File.OpenRead(path)) await recordings.GetBlobClient($"{caseId}/s-1/IMG_0001.mov").UploadAsync(file);
            var document = blobs.GetBlobContainerClient("pipeline").GetBlobClient($"{caseId}/s-1/preview.json");
            // The upload's check offers it as it is (HEVC in MP4); the page's browser cannot play it and asks.
            var offered = await WaitAsync(document, p => (string?)p["state"] is "offered" or "failed", TimeSpan.FromMinutes(10));
            if ((string?)offered["state"] != "offered") throw new InvalidOperationException($"{caseId}: {offered.ToJsonString()}");
            offered["state"] = "making";
            offered["since"] = DateTimeOffset.UtcNow.ToString("O");
            var load = Load();
            Console.Error.WriteLine($"previews: {source.Name}, {hosts} worker(s)");
            var clock = Stopwatch.StartNew();
            await document.UploadAsync(BinaryData.FromString(offered.ToJsonString()), overwrite: true);
            var queue = new QueueClient(connection, "preview-jobs");
            await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { caseId, sessionId = "s-1" }))));
            var first = await WaitAsync(document, p => p["segmentsReady"]?.AsArray().Any(i => (int)i! == 0) == true, TimeSpan.FromMinutes(30));
            var firstSeconds = clock.Elapsed.TotalSeconds;
            var segments = first["segments"]!.AsArray();
            double? wholeSeconds = null;
            if (whole)
            {
                await WaitAsync(document, p => (string?)p["state"] is "ready" or "failed", TimeSpan.FromHours(3));
                wholeSeconds = clock.Elapsed.TotalSeconds;
            }
            var span = source.Length.TotalSeconds;
            var row = string.Create(CultureInfo.InvariantCulture,
                $"| {source.Name} | {new FileInfo(path).Length / 1_000_000} MB | {hosts} | {segments.Count} | {firstSeconds:0.0} | {(wholeSeconds is { } w ? $"{w:0}" : "–")} | {(wholeSeconds is { } x ? $"{x / span:0.00}×" : "–")} | {load}→{Load()} |");
            Console.Error.WriteLine(row); // each row as it is measured: a long run stopped later keeps the rows so far
            return row;
        }
        finally
        {
            foreach (var host in started) await host.DisposeAsync();
            // A 2-hour 4K recording is gigabytes: each run's blobs go as soon as it is measured.
            foreach (var container in new[] { "recordings", "previews", "pipeline" })
                await foreach (var blob in blobs.GetBlobContainerClient(container).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = caseId + "/" }))
                    await blobs.GetBlobContainerClient(container).DeleteBlobIfExistsAsync(blob.Name);
        }
    }

    static async Task<JsonNode> WaitAsync(BlobClient document, Func<JsonNode, bool> done, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < patience)
        {
            if (await document.ExistsAsync() && JsonNode.Parse((await document.DownloadContentAsync()).Value.Content.ToString()) is { } node && done(node))
            {
                if ((string?)node["state"] == "failed") throw new InvalidOperationException($"the preview failed: {node.ToJsonString()}");
                return node;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{document.Name} did not get there in {patience}");
    }

    static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
