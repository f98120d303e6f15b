using System.Diagnostics;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure;
using BasicTrust.DevHost;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Consent;
using BasicTrust.Highlights.Consent;
using BasicTrust.Highlights.Vocabulary;
using BasicTrust.Storage;
using Xunit.Abstractions;

namespace BasicTrust.Faults.Tests.Support;

/// <summary>A session the test uploaded.</summary>
public sealed record Session(string CaseId, string SessionId);

/// <summary>
/// One test's stack: an Azurite of its own, optionally fault proxies in front of it, and one or more DevHosts running
/// this build's function app (the real worker, real FFmpeg) with test-speed host.json settings. The workers get a temp
/// folder of their own, so leftovers can be counted. Dispose stops everything and deletes what it made.
/// </summary>
public sealed class FaultStack : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    readonly List<LocalFunctionsHost> _hosts = [];
    readonly List<FaultProxy> _proxies = [];
    readonly ILoggerFactory _loggers;

    FaultStack(ITestOutputHelper output, OwnAzurite azurite, FaultPlan? faults)
    {
        Output = output;
        Azurite = azurite;
        Faults = faults;
        _loggers = LoggerFactory.Create(b => b.AddProvider(Log));
    }

    public ITestOutputHelper Output { get; }
    public OwnAzurite Azurite { get; }
    public FaultPlan? Faults { get; }
    public LogLines Log { get; } = new();
    public string Folder { get; } = Directory.CreateTempSubdirectory("faults-").FullName;
    /// <summary>The workers' TMPDIR: where their bt-* work folders go.</summary>
    public string WorkerTemp => Path.Combine(Folder, "tmp");
    public string Recording => Path.Combine(Folder, "recording.mp4");
    public IReadOnlyList<LocalFunctionsHost> Hosts => _hosts;
    /// <summary>How often the tests fired the Sweep timer while waiting.</summary>
    public int Sweeps { get; private set; }
    /// <summary>Straight to Azurite, past any proxy: what the test itself reads and writes.</summary>
    public string Direct => WithTables(Azurite.ConnectionString());

    /// <summary>The review index's table endpoint, straight to Azurite: the proxies front blobs and queues only.</summary>
    string WithTables(string connection) => $"{connection};TableEndpoint=http://127.0.0.1:{Azurite.TablePort}/devstoreaccount1";
    public BlobServiceClient Blobs => new(Direct, StorageClientDefaults.Blobs());
    public QueueClient Queue(string name) => new(Direct, name, StorageClientDefaults.Queues());

    /// <summary>Starts Azurite, the proxies (when <paramref name="faults"/> is given), a recording, and <paramref name="hosts"/> DevHosts.</summary>
    public static async Task<FaultStack> StartAsync(ITestOutputHelper output, FaultPlan? faults = null, int hosts = 1, Action<JsonNode>? hostJson = null, int recordingSeconds = 12)
    {
        var stack = new FaultStack(output, await OwnAzurite.StartAsync(Repository.Root), faults);
        try
        {
            Directory.CreateDirectory(stack.WorkerTemp);
            var connection = stack.Direct;
            if (faults is not null)
            {
                var blob = await FaultProxy.StartAsync(stack.Azurite.BlobPort, faults);
                stack._proxies.Add(blob);
                var queue = await FaultProxy.StartAsync(stack.Azurite.QueuePort, faults);
                stack._proxies.Add(queue);
                connection = stack.WithTables(stack.Azurite.ConnectionString(blob.Port, queue.Port));
            }
            await Ffmpeg.RecordingAsync(stack.Recording, recordingSeconds);
            var app = Repository.TestAppFolder(stack.Folder, hostJson);
            for (var i = 0; i < hosts; i++) stack._hosts.Add(await LocalFunctionsHost.StartAsync(stack.Options(app, connection), stack._loggers));
            if (faults is not null) faults.Enabled = true;
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    LocalHostOptions Options(string app, string connection) => new()
    {
        AppRoot = app,
        Settings = new Dictionary<string, string>
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["AzureWebJobsStorage"] = connection,
            ["PipelineStorage"] = connection,
            ["BasicTrust__Pipeline__Preset"] = "ultrafast",
            // Sweep repairs sessions stuck this long; the tests fire it every 10 s, as its timer would (every 2 min).
            ["BasicTrust__Pipeline__StuckAfter"] = "00:00:20",
            ["TMPDIR"] = WorkerTemp,
        },
        BlobScanInterval = TimeSpan.FromMilliseconds(300),
        RunTimers = false,
        HttpPort = 0,
        RequireSignIn = true,
    };

    /// <summary>Uploads <paramref name="count"/> sessions (recording, then a manifest with three tags far enough apart to stay three clips), each its own case.</summary>
    public async Task<IReadOnlyList<Session>> UploadSessionsAsync(int count, string prefix)
    {
        var container = Blobs.GetBlobContainerClient("recordings");
        await container.CreateIfNotExistsAsync();
        var sessions = Enumerable.Range(1, count).Select(i => new Session($"{prefix}-{i}-{Guid.NewGuid():N}"[..24], "s-1")).ToList();
        foreach (var s in sessions)
        {
            await CreateCaseAsync(s.CaseId);
            await using (var file = File.OpenRead(Recording))
                await container.GetBlobClient($"{s.CaseId}/{s.SessionId}/recording.mp4").UploadAsync(file, overwrite: true);
            await container.GetBlobClient($"{s.CaseId}/{s.SessionId}/session.json").UploadAsync(BinaryData.FromString(Manifest(s)), overwrite: true);
        }
        return sessions;
    }

    /// <summary>
    /// Creates the case as the app does, straight in its table (the proxies front blobs and queues only): a mother
    /// with parental authority who consented to watching back, and her child, the two the manifests put on the recording.
    /// </summary>
    async Task CreateCaseAsync(string caseId)
    {
        var tables = new TableServiceClient(Direct);
        await tables.CreateTableIfNotExistsAsync(CaseAccess.TableName);
        await new CaseAccess(tables).CreateAsync(caseId, "a0000000-0000-4000-8000-00000000000a", DateTimeOffset.UtcNow, CancellationToken.None);
        var privacy = new PrivacyStore(tables);
        await privacy.SetPeopleAsync(caseId, [], [new CasePerson("moeder", PersonRoles.Find("moeder")!, null, true), new CasePerson("kind", PersonRoles.Find("kind")!, AgeBands.Find("2-3"), false)], CancellationToken.None);
        await privacy.AddConsentAsync(caseId, new ConsentGiven("c-1", "moeder", [ConsentScopes.Feedback], "formulier", DateTimeOffset.UtcNow), "faults", CancellationToken.None);
    }

    static string Manifest(Session s) => new JsonObject
    {
        ["schema"] = "basictrust.session/v1", ["caseId"] = s.CaseId, ["sessionId"] = s.SessionId, ["method"] = "basic-trust",
        ["recording"] = "recording.mp4", ["nextSessionAt"] = "2026-12-01T10:00:00+01:00", ["onRecording"] = new JsonArray("moeder", "kind"),
        ["tags"] = new JsonArray(
            new JsonObject { ["id"] = "t1", ["start"] = 1, ["end"] = 3, ["label"] = "benoemen", ["caption"] = "Moment 1" },
            new JsonObject { ["id"] = "t2", ["start"] = 5, ["end"] = 7, ["label"] = "spiegelen", ["caption"] = "Moment 2" },
            new JsonObject { ["id"] = "t3", ["start"] = 9, ["end"] = 10.5, ["label"] = "verwarrend-gedrag", ["caption"] = "Moment 3" }),
        ["reel"] = new JsonObject { ["preRoll"] = 0.5, ["postRoll"] = 0.5, ["resolution"] = "480p" },
    }.ToJsonString();

    public async Task<JsonNode?> StatusAsync(Session s)
    {
        try { return JsonNode.Parse((await Blobs.GetBlobContainerClient("pipeline").GetBlobClient($"{s.CaseId}/{s.SessionId}/status.json").DownloadContentAsync()).Value.Content.ToString()); }
        catch (RequestFailedException e) when (e.Status == 404) { return null; }
    }

    /// <summary>Waits until every session is ready or failed; <paramref name="meanwhile"/> runs between polls. Fails with the statuses and the log when one is stuck.</summary>
    public async Task<IReadOnlyDictionary<Session, JsonNode>> WaitForOutcomesAsync(IReadOnlyList<Session> sessions, Func<Task>? meanwhile = null, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var swept = TimeSpan.Zero;
        var outcomes = new Dictionary<Session, JsonNode?>();
        while (true)
        {
            foreach (var s in sessions) outcomes[s] = await StatusAsync(s);
            if (outcomes.Values.All(v => (string?)v?["state"] is "ready" or "failed")) return outcomes.ToDictionary(p => p.Key, p => p.Value!);
            if (clock.Elapsed > (timeout ?? Patience))
                throw new TimeoutException($"Stuck after {clock.Elapsed}:\n{string.Join('\n', outcomes.Select(p => $"{p.Key.CaseId}: {p.Value?.ToJsonString() ?? "no status"}"))}\n" +
                    $"{Faults}\nLog (the SDK's request lines left out):\n{Log.Last(80, skip: "Azure.Core:")}");
            if (meanwhile is not null) await meanwhile();
            if (clock.Elapsed - swept > TimeSpan.FromSeconds(10))
            {
                swept = clock.Elapsed;
                await SweepAsync();
            }
            await Task.Delay(250);
        }
    }

    /// <summary>Fires the Sweep timer, as its schedule would (every 2 minutes in the app): it repairs what faults left behind.</summary>
    public async Task SweepAsync()
    {
        Sweeps++;
        try { await _hosts[0].FireTimerAsync("Sweep"); }
        catch (Exception e) { Output.WriteLine($"Sweep: {e.GetType().Name}"); }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        foreach (var proxy in _proxies) await proxy.DisposeAsync();
        await Azurite.DisposeAsync();
        _loggers.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
