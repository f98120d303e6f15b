// Cutting 8 clips (~230 s) out of a 20-minute 1080p30 recording stored in Azurite, three ways, each in its own
// process so memory figures are clean: (a) naive: download the whole blob, then re-encode each clip at 1080p;
// (b) ours, precise 720p straight from a read SAS with range requests; (c) ours, draft (stream copy to keyframes);
// plus raw FFmpeg stream copy from the same URL as the yardstick for (c). FFmpeg reads through a counting proxy,
// so "bytes read" is what crossed the wire. Prints a Markdown table and writes it to bench/results/.
// Run it with bench/media.sh, which provisions FFmpeg and starts Azurite.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BasicTrust.Media.Bench;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;

if (args is ["--mode", var childMode, var childUrl, var childPreset])
{
    Console.WriteLine(JsonSerializer.Serialize(await Modes.RunAsync(childMode, childUrl, childPreset, Clips.Ranges)));
    return 0;
}

var presets = (Option("--presets") ?? "veryfast,superfast,ultrafast").Split(',');
var modes = (Option("--modes") ?? "naive,copy,precise,draft").Split(',');
var connection = Environment.GetEnvironmentVariable("BASICTRUST_STORAGE") ?? throw new InvalidOperationException("run bench/media.sh");
var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));
var recording = await Recording.EnsureAsync(Path.Combine(root, ".cache"));

var container = new BlobServiceClient(connection, BasicTrust.Storage.StorageClientDefaults.Blobs()).GetBlobContainerClient("bench-" + Guid.NewGuid().ToString("N")[..8]);
await container.CreateAsync();
try
{
    var blob = container.GetBlobClient("recording.mp4");
    Console.Error.WriteLine($"uploading {new FileInfo(recording).Length / 1_000_000} MB to Azurite");
    await using (var file = File.OpenRead(recording)) await blob.UploadAsync(file);
    await using var proxy = await CountingProxy.StartAsync(new Uri(blob.Uri.GetLeftPart(UriPartial.Authority)));
    var sas = blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(3));
    var url = new UriBuilder(sas) { Port = proxy.Port }.Uri.ToString();

    var tagged = await Clips.TaggedBytesAsync(recording);
    var rows = new List<Row>();
    foreach (var (mode, preset) in modes.SelectMany(m => m == "precise" ? presets.Select(p => (m, p)) : [(m, presets[0])]))
    {
        Console.Error.WriteLine($"running {mode} {preset}");
        proxy.Reset();
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo(Environment.ProcessPath!, ["--mode", mode, url, preset]) { RedirectStandardOutput = true };
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0) throw new InvalidOperationException($"{mode} failed");
        var result = JsonSerializer.Deserialize<ModeResult>(output)!;
        rows.Add(new Row(mode, preset, clock.Elapsed.TotalSeconds, proxy.Bytes, result.PeakRssKb / 1024, result.FfmpegPeakRssKb / 1024, result.OutputSeconds));
    }
    var table = Report.Table(rows, tagged, new FileInfo(recording).Length);
    Console.WriteLine(table);
    var results = Path.Combine(root, "results");
    Directory.CreateDirectory(results);
    await File.WriteAllTextAsync(Path.Combine(results, "media-clips.md"), table + "\n");
}
finally
{
    await container.DeleteIfExistsAsync();
}
return 0;

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

record Row(string Mode, string Preset, double Seconds, long BytesRead, long PeakRssMb, long FfmpegPeakRssMb, double OutputSeconds);
