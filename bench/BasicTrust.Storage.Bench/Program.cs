// Uploads a generated stream of unknown length to Azurite three ways, each in its own process so
// peak memory is clean: (a) naive, buffer the whole stream then one Put Blob; (b) the SDK's own
// UploadAsync with StorageTransferOptions (8 MiB blocks, 4 at once), the baseline; (c) bt's
// ResumableUpload with the same block size and concurrency. Prints a Markdown table with ratios
// against (b). Run it with bench/storage.sh.
using System.Diagnostics;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using BasicTrust.Storage;

var connection = Environment.GetEnvironmentVariable("BASICTRUST_STORAGE") ?? throw new InvalidOperationException("run bench/storage.sh");
var megabytes = args.Length > 1 ? int.Parse(args[1]) : 1024;
const int BlockSize = 8 * 1024 * 1024, Concurrency = 4;

if (args is ["--mode", _, ..] && args.Length > 2)
{
    Console.WriteLine(await UploadAsync(args[2], megabytes));
    return;
}

var rows = new List<(string Name, double Seconds, long PeakMb)>();
foreach (var mode in new[] { "naive", "sdk", "resumable" })
{
    var start = Stopwatch.StartNew();
    var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["--mode", megabytes.ToString(), mode]) { RedirectStandardOutput = true })!;
    var peak = long.Parse((await child.StandardOutput.ReadToEndAsync()).Trim());
    await child.WaitForExitAsync();
    if (child.ExitCode != 0) throw new InvalidOperationException($"{mode} failed");
    rows.Add((mode, start.Elapsed.TotalSeconds, peak / 1024 / 1024));
}
var baseline = rows[1];
var table = $"""
    Upload of a {megabytes} MB stream of unknown length to Azurite ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores)

    | upload | wall time (s) | peak RSS (MB) | time vs sdk | memory vs sdk |
    |---|---|---|---|---|
    {string.Join("\n", rows.Select(r => $"| {r.Name} | {r.Seconds:0.0} | {r.PeakMb} | {r.Seconds / baseline.Seconds:0.00}× | {(double)r.PeakMb / baseline.PeakMb:0.00}× |"))}

    naive: buffer everything, one Put Blob. sdk: BlobClient.UploadAsync with StorageTransferOptions. resumable: bt upload's
    ResumableUpload (content-addressed blocks and a journal, so an interrupted upload continues). Same block size and concurrency.
    """;
Console.WriteLine(table);
var results = Path.Combine(AppContext.BaseDirectory, "../../../../results");
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(Path.Combine(results, "storage-upload.md"), table + "\n");

async Task<long> UploadAsync(string mode, int size)
{
    var container = new BlobServiceClient(connection, StorageClientDefaults.Blobs()).GetBlobContainerClient("bench-" + Guid.NewGuid().ToString("N")[..8]);
    await container.CreateAsync();
    try
    {
        var blob = container.GetBlobClient("recording.mp4");
        var source = new GeneratedStream((long)size * 1024 * 1024);
        switch (mode)
        {
            case "naive":
                var all = new MemoryStream();
                await source.CopyToAsync(all);
                await blob.UploadAsync(new BinaryData(all.GetBuffer().AsMemory(0, (int)all.Length)));
                break;
            case "sdk":
                var transfer = new StorageTransferOptions { InitialTransferSize = BlockSize, MaximumTransferSize = BlockSize, MaximumConcurrency = Concurrency };
                await blob.UploadAsync(source, new BlobUploadOptions { TransferOptions = transfer });
                break;
            default:
                await new ResumableUpload(container.GetBlockBlobClient("recording.mp4"), new ResumableUploadOptions { BlockSize = BlockSize, MaxConcurrency = Concurrency }).UploadAsync(source);
                break;
        }
        return PeakRss();
    }
    finally
    {
        await container.DeleteIfExistsAsync();
    }
}

static long PeakRss() =>
    long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;

/// <summary>Deterministic bytes, produced as read, never all in memory; non-seekable like a network stream.</summary>
sealed class GeneratedStream(long length) : Stream
{
    long _position;
    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        for (var i = 0; i < n; i++) buffer[offset + i] = (byte)((_position + i) * 31 % 251);
        _position += n;
        return n;
    }
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
