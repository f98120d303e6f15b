using System.Globalization;
using System.Text.Json.Nodes;

namespace BasicTrust.DevHost.App;

/// <summary>The parts of <c>host.json</c> the host obeys, with the host's defaults.</summary>
public sealed record HostSettings
{
    /// <summary><c>functionTimeout</c>; on expiry the invocation fails and the worker is restarted, as the host does.</summary>
    public TimeSpan FunctionTimeout { get; init; } = TimeSpan.FromMinutes(30);
    public QueueSettings Queues { get; init; } = new();
    /// <summary><c>extensions.blobs.poisonBlobThreshold</c>: attempts before a blob goes to the poison queue.</summary>
    public int PoisonBlobThreshold { get; init; } = 5;
    /// <summary>
    /// <c>extensions.blobs.maxDegreeOfParallelism</c>: blob-triggered invocations at once, over all blob functions of
    /// the host (the extension's default is 8 per processor).
    /// </summary>
    public int BlobParallelism { get; init; } = 8 * System.Environment.ProcessorCount;
    /// <summary><c>extensions.http.routePrefix</c> (default <c>api</c>).</summary>
    public string RoutePrefix { get; init; } = "api";

    public static HostSettings Read(string appRoot)
    {
        var path = Path.Combine(appRoot, "host.json");
        if (!File.Exists(path)) throw new InvalidDataException($"{appRoot} has no host.json.");
        var json = JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException("host.json is empty.");
        var queues = json["extensions"]?["queues"];
        return new HostSettings
        {
            FunctionTimeout = Duration(json["functionTimeout"]) ?? TimeSpan.FromMinutes(30),
            Queues = new QueueSettings
            {
                BatchSize = (int?)queues?["batchSize"] ?? 16,
                MaxDequeueCount = (int?)queues?["maxDequeueCount"] ?? 5,
                VisibilityTimeout = Duration(queues?["visibilityTimeout"]) ?? TimeSpan.Zero,
                MaxPollingInterval = Duration(queues?["maxPollingInterval"]) ?? TimeSpan.FromMinutes(1),
                Base64 = !string.Equals((string?)queues?["messageEncoding"], "none", StringComparison.OrdinalIgnoreCase),
            },
            PoisonBlobThreshold = (int?)json["extensions"]?["blobs"]?["poisonBlobThreshold"] ?? 5,
            BlobParallelism = (int?)json["extensions"]?["blobs"]?["maxDegreeOfParallelism"] is { } parallelism
                ? parallelism > 0 ? parallelism : throw new InvalidDataException("host.json: extensions.blobs.maxDegreeOfParallelism must be 1 or more.")
                : 8 * System.Environment.ProcessorCount,
            RoutePrefix = ((string?)json["extensions"]?["http"]?["routePrefix"] ?? "api").Trim('/'),
        };
    }

    // "-1" means unbounded; otherwise hh:mm:ss.
    static TimeSpan? Duration(JsonNode? node) =>
        (string?)node is { } text ? (text == "-1" ? Timeout.InfiniteTimeSpan : TimeSpan.Parse(text, CultureInfo.InvariantCulture)) : null;
}
