using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure;
using BasicTrust.DevHost.Http;
using BasicTrust.DevHost.Triggers.Blob.EventGrid;
using BasicTrust.DevHost;
using BasicTrust.Functions.IndexReadyReel;
using BasicTrust.Testing;
using Microsoft.Extensions.Logging;

namespace BasicTrust.Functions.Tests.EndToEnd;

[CollectionDefinition("pipeline")]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>;

/// <summary>
/// One local stack for the end-to-end tests: the Azurite ./test.sh started, the real worker (this build's
/// BasicTrust.Functions) driven by the DevHost over gRPC, and a small generated recording. host.json is the app's
/// own with shorter retry and polling intervals, so retries take seconds, not minutes.
/// </summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    readonly LogLines _log = new();
    readonly ILoggerFactory _loggers;

    public PipelineFixture() => _loggers = LoggerFactory.Create(b => b.AddProvider(_log));

    public string ConnectionString { get; } = Environment.GetEnvironmentVariable("BASICTRUST_STORAGE")
        ?? throw new InvalidOperationException("BASICTRUST_STORAGE is not set: run the tests with ./test.sh, which starts Azurite.");
    public string Folder { get; } = Directory.CreateTempSubdirectory("bt-e2e-").FullName;
    /// <summary>A client for the HTTP API signed in as <paramref name="person"/> (therapist A, who owns the tests' cases, by default).</summary>
    public HttpClient Api(DevelopmentUser? person = null)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Host.DevelopmentToken(person ?? People.TherapistA));
        return client;
    }

    /// <summary>A client for the HTTP API that has not signed in.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = Host.ApiBaseAddress };

    /// <summary>
    /// Creates the case with therapist A as its owner, unless it exists already, with the family the tests' manifests
    /// put on their recordings (<see cref="TestFamily"/>).
    /// </summary>
    public async Task CreateCaseAsync(string caseId)
    {
        using var api = Api();
        using var response = await api.PostAsJsonAsync("cases", new { caseId });
        if (response.StatusCode is not (System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.OK))
            throw new InvalidOperationException($"Creating case {caseId} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if (response.StatusCode != System.Net.HttpStatusCode.Created) return;
        await TestFamily.RecordAsync(api, caseId);
    }

    /// <summary>Awaits a request that must succeed; otherwise throws with its answer.</summary>
    public static async Task<JsonNode> SucceedsAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }
    public LocalFunctionsHost Host { get; private set; } = null!;
    /// <summary>The blob events of a case whose id begins with this never reach the app: Event Grid gives up on them.</summary>
    public const string LostPrefix = "lost-";
    public BlobServiceClient Blobs => new(ConnectionString);
    /// <summary>A 12-second 320x240 recording with sound.</summary>
    public string Recording => Path.Combine(Folder, "recording.mp4");

    /// <summary>The OTLP receiver the worker exports its traces to (OTEL_EXPORTER_OTLP_ENDPOINT).</summary>
    public OtlpReceiver Telemetry { get; } = new();

    /// <summary>The pipeline's spans of this case (scope BasicTrust.Pipeline), once <paramref name="done"/> holds for them.</summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitForSpansAsync(string caseId, Func<IReadOnlyList<ReceivedSpan>, bool> done)
    {
        var clock = Stopwatch.StartNew();
        List<ReceivedSpan> spans = [];
        while (clock.Elapsed < Patience)
        {
            spans = [.. Telemetry.Spans.Where(s => s.Scope == "BasicTrust.Pipeline" && s.Attributes.GetValueOrDefault("basictrust.case_id") == caseId)];
            if (done(spans)) return spans;
            await Task.Delay(200);
        }
        throw new TimeoutException($"The spans of {caseId} did not arrive: {string.Join(", ", spans.Select(s => s.Name))}");
    }

    /// <summary>The development mail server the worker sends to (smtp4dev), started with the stack.</summary>
    public Smtp4dev Mail { get; } = new();

    /// <summary>Whether a line the DevHost logged (the worker's too) satisfies <paramref name="match"/>.</summary>
    public bool Logged(Func<string, bool> match) => _log.Lines.Any(match);

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Ffmpeg.RecordingAsync(Recording), Mail.StartAsync());
        Host = await LocalFunctionsHost.StartAsync(new LocalHostOptions
        {
            AppRoot = Repository.TestAppFolder(Folder),
            Settings = new Dictionary<string, string>
            {
                ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
                ["AzureWebJobsStorage"] = ConnectionString,
                ["PipelineStorage"] = ConnectionString,
                ["BasicTrust__Pipeline__StuckAfter"] = "00:00:01",
                // The worker's traces go to this test's receiver, in batches every 200 ms.
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.Endpoint,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                ["BasicTrust__Pipeline__Preset"] = "ultrafast",
                // Previews of the tests' few-second recordings in several segments.
                ["BasicTrust__Pipeline__PreviewSegmentLength"] = "00:00:01",
                // A closed case's recordings are due at once, so a test sees the sweep delete them.
                ["BasicTrust__Privacy__RetentionDays"] = "0",
                ["BasicTrust__Mail__Port"] = Mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["BasicTrust__Mail__SiteUrl"] = "http://127.0.0.1:4280/",
                // A mail server that is down is tried again within seconds, not minutes.
                ["BasicTrust__Mail__RetryDelay"] = "00:00:01",
                ["BasicTrust__Mail__MaxRetryDelay"] = "00:00:02",
            },
            BlobScanInterval = TimeSpan.FromMilliseconds(300),
            // Event Grid at test speed; every delivery for a case whose id begins with LostPrefix is lost (and dead-lettered).
            BlobEvents = new BlobEventDelivery
            {
                RetryDelays = [TimeSpan.FromMilliseconds(100)], MaxDeliveryAttempts = 3,
                Lose = (e, _) => e.BlobName.StartsWith(LostPrefix, StringComparison.Ordinal),
            },
            RunTimers = false,
            HttpPort = 0,
            RequireSignIn = true,
            AcceptStaticWebAppsCli = true,
        }, _loggers);
    }

    /// <summary>A new case of therapist A's, shared with <see cref="People.Reviewer"/>, whose session s-1 has a ready, indexed reel of these tags.</summary>
    public async Task<string> ReadySharedCaseAsync(string prefix, params (double Start, double End, string Label)[] tags)
    {
        var caseId = $"{prefix}-{Guid.NewGuid():N}"[..20];
        await UploadAsync(caseId, "s-1", Manifest(caseId, "s-1", tags), Recording);
        using (var owner = Api()) (await owner.PutAsync($"cases/{caseId}/reviewers/{People.Reviewer.ObjectId}", null)).EnsureSuccessStatusCode();
        var ready = await WaitForStateAsync(caseId, "s-1", "ready");
        await WaitForReviewRowAsync(caseId, "s-1", (string)ready["planId"]!);
        return caseId;
    }

    /// <summary>Creates the case (therapist A's), uploads the recording (unless null) and then the manifest, which starts the pipeline.</summary>
    public async Task UploadAsync(string caseId, string sessionId, string manifest, string? recording = null, string recordingName = "recording.mp4", bool withManifest = true)
    {
        await CreateCaseAsync(caseId);
        var container = Blobs.GetBlobContainerClient("recordings");
        await container.CreateIfNotExistsAsync();
        if (recording is not null)
            await using (var file = File.OpenRead(recording))
                await container.GetBlobClient($"{caseId}/{sessionId}/{recordingName}").UploadAsync(file, overwrite: true);
        if (withManifest) await container.GetBlobClient($"{caseId}/{sessionId}/session.json").UploadAsync(BinaryData.FromString(manifest), overwrite: true);
    }

    /// <summary>A Basic Trust manifest with these tags (start, end, label) in seconds.</summary>
    public static string Manifest(string caseId, string sessionId, params (double Start, double End, string Label)[] tags) =>
        new JsonObject
        {
            ["schema"] = "basictrust.session/v1", ["caseId"] = caseId, ["sessionId"] = sessionId, ["method"] = "basic-trust",
            ["recording"] = "recording.mp4", ["nextSessionAt"] = "2026-12-01T10:00:00+01:00",
            ["onRecording"] = new JsonArray([.. TestFamily.OnRecording.Select(id => (JsonNode)id)]),
            ["tags"] = new JsonArray([.. tags.Select((t, i) => (JsonNode)new JsonObject
            {
                ["id"] = $"t{i + 1}", ["start"] = t.Start, ["end"] = t.End, ["label"] = t.Label, ["caption"] = $"Moment {i + 1} & <meer>",
            })]),
            ["reel"] = new JsonObject { ["preRoll"] = 0.5, ["postRoll"] = 0.5, ["resolution"] = "480p" },
        }.ToJsonString();

    public async Task<JsonNode?> StatusAsync(string caseId, string sessionId)
    {
        try { return JsonNode.Parse((await Blobs.GetBlobContainerClient("pipeline").GetBlobClient($"{caseId}/{sessionId}/status.json").DownloadContentAsync()).Value.Content.ToString()); }
        catch (RequestFailedException e) when (e.Status == 404) { return null; }
    }

    /// <summary>Waits until the session's status satisfies <paramref name="done"/>; on timeout fails with the status and the DevHost's log.</summary>
    public async Task<JsonNode> WaitForAsync(string caseId, string sessionId, Func<JsonNode, bool> done, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        JsonNode? status = null;
        while (clock.Elapsed < (timeout ?? Patience))
        {
            status = await StatusAsync(caseId, sessionId);
            if (status is not null && done(status)) return status;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Session {caseId}/{sessionId} did not get there in time. Status: {status?.ToJsonString() ?? "none"}\nDevHost log:\n{_log.Last()}");
    }

    public Task<JsonNode> WaitForStateAsync(string caseId, string sessionId, string state, TimeSpan? timeout = null) =>
        WaitForAsync(caseId, sessionId, s => (string?)s["state"] == state, timeout);

    /// <summary>Waits until the session's preview (GET …/preview, as the owner) is in <paramref name="state"/>.</summary>
    public Task<JsonNode> WaitForPreviewAsync(string caseId, string state) => WaitForPreviewAsync(caseId, p => (string?)p["state"] == state, state);

    /// <summary>
    /// The ready preview of the case's session made in segments, appended one after the other as the editor's player
    /// does (asking for the links a few at a time, <c>?from=</c>), in one local file.
    /// </summary>
    public async Task<string> DownloadPreviewAsync(string caseId)
    {
        using var api = Api();
        var file = Path.Combine(Folder, $"{caseId}-{Guid.NewGuid():N}-preview.mp4");
        await using var joined = File.Create(file);
        for (int next = 0, count = 1; next < count;)
        {
            var answer = JsonNode.Parse(await api.GetStringAsync($"sessions/{caseId}/s-1/preview?from={next}"))!;
            var segments = answer["segments"]!.AsArray();
            count = segments.Count;
            for (; next < count && segments[next]!["link"] is { } link; next++)
                await (await new BlobClient(new Uri((string)link!)).DownloadStreamingAsync()).Value.Content.CopyToAsync(joined);
        }
        return file;
    }

    /// <summary>Asks for the preview until its answer is as <paramref name="wanted"/> (<paramref name="description"/> says how, for the failure).</summary>
    public async Task<JsonNode> WaitForPreviewAsync(string caseId, Func<JsonNode, bool> wanted, string description)
    {
        using var api = Api();
        var clock = Stopwatch.StartNew();
        var last = "";
        while (clock.Elapsed < Patience)
        {
            using var response = await api.GetAsync($"sessions/{caseId}/s-1/preview");
            last = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode && wanted(JsonNode.Parse(last)!)) return JsonNode.Parse(last)!;
            await Task.Delay(300);
        }
        throw new TimeoutException($"The preview of {caseId} did not get to {description}: {last}\n{_log.Last()}");
    }

    /// <summary>The review index, as the app keeps it.</summary>
    public TableClient Reviews => new TableServiceClient(ConnectionString).GetTableClient(ReviewIndex.TableName);

    /// <summary>The session's review index row, or null.</summary>
    public async Task<ReviewEntry?> ReviewRowAsync(string caseId, string sessionId)
    {
        var row = await Reviews.GetEntityIfExistsAsync<ReviewEntry>(caseId, sessionId);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Waits until IndexReadyReel (fed by reels-ready) has indexed this plan of the session, and returns the row.</summary>
    public async Task<ReviewEntry> WaitForReviewRowAsync(string caseId, string sessionId, string planId)
    {
        var clock = Stopwatch.StartNew();
        ReviewEntry? row = null;
        while (clock.Elapsed < Patience)
        {
            if ((row = await ReviewRowAsync(caseId, sessionId)) is { } found && found.PlanId == planId) return found;
            await Task.Delay(200);
        }
        throw new TimeoutException($"{caseId}/{sessionId} plan {planId} was not indexed; the row holds {row?.PlanId ?? "nothing"}\nDevHost log:\n{_log.Last()}");
    }

    /// <summary>Sends a message as the app's queues carry it (base64).</summary>
    public Task SendAsync(string queueName, string message) =>
        new QueueClient(ConnectionString, queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).SendMessageAsync(message);

    /// <summary>Waits until the queue holds no message, visible or not: every message was handled and deleted.</summary>
    public async Task WaitUntilDrainedAsync(string queueName)
    {
        var queue = new QueueClient(ConnectionString, queueName);
        var clock = Stopwatch.StartNew();
        while ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
        {
            if (clock.Elapsed > Patience) throw new TimeoutException($"{queueName} was not drained in time.\nDevHost log:\n{_log.Last()}");
            await Task.Delay(200);
        }
    }

    /// <summary>The blobs under <paramref name="prefix"/>; none when the container does not exist (the host makes azure-webjobs-hosts only when it needs it).</summary>
    public async Task<IReadOnlyList<BlobItem>> BlobsAsync(string container, string prefix)
    {
        var items = new List<BlobItem>();
        var client = Blobs.GetBlobContainerClient(container);
        if (!(await client.ExistsAsync()).Value) return items;
        await foreach (var item in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix })) items.Add(item);
        return items;
    }

    public string LogTail => _log.Last();

    /// <summary>Runs the Sweep until <paramref name="found"/> gives something (returned), or null after the patience ran out.</summary>
    public async Task<T?> SweepUntilAsync<T>(Func<Task<T?>> found) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            Assert.True(await Host.FireTimerAsync("Sweep"));
            if (await found() is { } result) return result;
            await Task.Delay(300);
        }
        return null;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Mail.DisposeAsync();
        await Telemetry.DisposeAsync();
        _loggers.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
