using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using BasicTrust.DevHost;
using BasicTrust.Testing;

namespace BasicTrust.Media.Bench;

/// <summary>
/// The pipeline scaled out: one session of 16 tags on the 20-minute 1080p recording, run by 1 and then by
/// <c>hosts</c> DevHosts on one storage (each its own worker process, one clip at a time, as instances of the app),
/// precise and draft. Wall time is from the manifest's upload to <c>ready</c>; it checks the session has exactly one
/// reel and counts the clips each worker cut.
/// </summary>
static class ScaleOut
{
    public static async Task<string> RunAsync(string connection, string app, string recording, int hosts)
    {
        var blobs = new BlobServiceClient(connection, BasicTrust.Storage.StorageClientDefaults.Blobs());
        var staging = blobs.GetBlobContainerClient("bench-scale-" + Guid.NewGuid().ToString("N")[..8]);
        await staging.CreateAsync();
        try
        {
            var source = staging.GetBlobClient("recording.mp4");
            Console.Error.WriteLine("uploading the recording once; each session gets a server-side copy");
            await using (var file = File.OpenRead(recording)) await source.UploadAsync(file);
            var lines = new List<string>();
            foreach (var quality in new[] { "precise", "draft" })
                foreach (var count in new[] { 1, hosts })
                    lines.Add(await SessionAsync(blobs, connection, app, source, quality, count));
            return "| workers | quality | clips | wall time (s) | clips cut per worker | reels |\n|---|---|---|---|---|---|\n" + string.Join("\n", lines);
        }
        finally
        {
            await staging.DeleteIfExistsAsync();
        }
    }

    static async Task<string> SessionAsync(BlobServiceClient blobs, string connection, string app, BlobClient source, string quality, int hosts)
    {
        var caseId = $"scale-{quality}-{hosts}-{Guid.NewGuid():N}"[..30];
        var counters = Enumerable.Range(0, hosts).Select(_ => new CutCounter()).ToList();
        var started = new List<LocalFunctionsHost>();
        try
        {
            foreach (var counter in counters)
                started.Add(await LocalFunctionsHost.StartAsync(Options(app, connection), LoggerFactory.Create(b => b.AddProvider(counter))));
            await BenchCases.CreateAsync(started[0], caseId);
            var recordings = blobs.GetBlobContainerClient("recordings");
            await recordings.CreateIfNotExistsAsync();
            var copy = await recordings.GetBlobClient($"{caseId}/s-1/recording.mp4").StartCopyFromUriAsync(source.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(1)));
            await copy.WaitForCompletionAsync();
            Console.Error.WriteLine($"scale-out: {hosts} worker(s), {quality}");
            var clock = Stopwatch.StartNew();
            await recordings.GetBlobClient($"{caseId}/s-1/session.json").UploadAsync(BinaryData.FromString(Manifest(caseId, quality)));
            var status = blobs.GetBlobContainerClient("pipeline").GetBlobClient($"{caseId}/s-1/status.json");
            JsonNode? state = null;
            while ((string?)state?["state"] is not ("ready" or "failed"))
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(30)) throw new TimeoutException($"{caseId} did not get ready");
                await Task.Delay(250);
                if (await status.ExistsAsync()) state = JsonNode.Parse((await status.DownloadContentAsync()).Value.Content.ToString());
            }
            var seconds = clock.Elapsed.TotalSeconds;
            if ((string?)state!["state"] == "failed") throw new InvalidOperationException($"{caseId} failed: {state.ToJsonString()}");
            var reels = 0;
            await foreach (var blob in blobs.GetBlobContainerClient("reels").GetBlobsAsync(new GetBlobsOptions { Prefix = caseId + "/" }))
                if (blob.Name.EndsWith("/reel.mp4", StringComparison.Ordinal)) reels++;
            return string.Create(CultureInfo.InvariantCulture,
                $"| {hosts} | {quality} | {(int)state["clipsTotal"]!} | {seconds:0.0} | {string.Join(" + ", counters.Select(c => c.Cuts))} | {reels} |");
        }
        finally
        {
            foreach (var host in started) await host.DisposeAsync();
        }
    }

    internal static LocalHostOptions Options(string app, string connection) => new()
    {
        AppRoot = app,
        Settings = new Dictionary<string, string>
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["AzureWebJobsStorage"] = connection,
            ["PipelineStorage"] = connection,
        },
        BlobScanInterval = TimeSpan.FromMilliseconds(300),
        RunTimers = false,
        HttpPort = 0,
        RequireSignIn = true,
        FunctionKey = "bench-" + Guid.NewGuid().ToString("N"),
    };

    /// <summary>16 tags of 10 s spread over the recording, at its own size (smart cut) or as a draft.</summary>
    static string Manifest(string caseId, string quality) => new JsonObject
    {
        ["schema"] = "basictrust.session/v1", ["caseId"] = caseId, ["sessionId"] = "s-1", ["method"] = "basic-trust", ["recording"] = "recording.mp4",
        ["onRecording"] = new JsonArray([.. TestFamily.OnRecording.Select(id => (JsonNode)id)]),
        ["tags"] = new JsonArray([.. Clips.Spread(16, Source.Main.Length).Select((r, i) => (JsonNode)new JsonObject
        {
            ["id"] = $"t{i + 1}", ["start"] = r.In.TotalSeconds, ["end"] = r.Out.TotalSeconds, ["label"] = "benoemen",
        })]),
        ["reel"] = new JsonObject { ["preRoll"] = 0, ["postRoll"] = 0, ["quality"] = quality, ["maxSeconds"] = 600 },
    }.ToJsonString();

    /// <summary>Counts the clip jobs one DevHost hands its worker.</summary>
    sealed class CutCounter : ILoggerProvider
    {
        int _cuts;
        public int Cuts => _cuts;
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }

        sealed class Logger(CutCounter counter) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (formatter(state, exception).StartsWith("Executing CutClip", StringComparison.Ordinal)) Interlocked.Increment(ref counter._cuts);
            }
        }
    }
}
