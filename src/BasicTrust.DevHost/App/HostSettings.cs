using System.Text.Json.Nodes;

namespace BasicTrust.DevHost.App;

/// <summary>The parts of <c>host.json</c> the host's listeners obey, with the host's defaults.</summary>
public sealed record HostSettings
{
    public required string ExecutablePath { get; init; }
    public string? WorkingDirectory { get; init; }
    public IReadOnlyList<string> Arguments { get; init; } = [];
    /// <summary><c>functionTimeout</c>; on expiry the handler process is restarted, as the host does.</summary>
    public TimeSpan FunctionTimeout { get; init; } = TimeSpan.FromMinutes(30);
    public QueueSettings Queues { get; init; } = new();
    public int PoisonBlobThreshold { get; init; } = 5;
    /// <summary><c>extensions.http.routePrefix</c> (default <c>api</c>).</summary>
    public string RoutePrefix { get; init; } = "api";

    /// <summary>Reads host.json from <paramref name="appRoot"/>; the executable path is resolved against the app root.</summary>
    public static HostSettings Read(string appRoot)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(appRoot, "host.json")))
            ?? throw new InvalidDataException("host.json is empty.");
        var description = json["customHandler"]?["description"] ?? throw new InvalidDataException("host.json has no customHandler.description.");
        var executable = (string?)description["defaultExecutablePath"];
        if (string.IsNullOrWhiteSpace(executable)) throw new InvalidDataException("host.json: customHandler.description.defaultExecutablePath is required.");
        var queues = json["extensions"]?["queues"];
        var workingDirectory = (string?)description["workingDirectory"];
        return new HostSettings
        {
            ExecutablePath = Path.GetFullPath(Path.Combine(appRoot, executable)),
            WorkingDirectory = Path.GetFullPath(Path.Combine(appRoot, string.IsNullOrEmpty(workingDirectory) ? "." : workingDirectory)),
            Arguments = description["arguments"]?.AsArray().Select(a => (string)a!).ToList() ?? [],
            FunctionTimeout = Duration(json["functionTimeout"]) ?? TimeSpan.FromMinutes(30),
            Queues = new QueueSettings
            {
                BatchSize = (int?)queues?["batchSize"] ?? 16,
                NewBatchThreshold = (int?)queues?["newBatchThreshold"],
                MaxDequeueCount = (int?)queues?["maxDequeueCount"] ?? 5,
                VisibilityTimeout = Duration(queues?["visibilityTimeout"]) ?? TimeSpan.Zero,
                MaxPollingInterval = Duration(queues?["maxPollingInterval"]) ?? TimeSpan.FromMinutes(1),
                Base64 = !string.Equals((string?)queues?["messageEncoding"], "none", StringComparison.OrdinalIgnoreCase),
            },
            PoisonBlobThreshold = (int?)json["extensions"]?["blobs"]?["poisonBlobThreshold"] ?? 5,
            RoutePrefix = (string?)json["extensions"]?["http"]?["routePrefix"] ?? "api",
        };
    }

    // "-1" means unbounded; otherwise hh:mm:ss.
    static TimeSpan? Duration(JsonNode? node) =>
        (string?)node is { } text ? (text == "-1" ? Timeout.InfiniteTimeSpan : TimeSpan.Parse(text, System.Globalization.CultureInfo.InvariantCulture)) : null;
}

/// <summary><c>extensions.queues</c> (Storage extension 5.x).</summary>
public sealed record QueueSettings
{
    public int BatchSize { get; init; } = 16;
    /// <summary>Fetch a new batch when this few are still running; default half the batch size.</summary>
    public int? NewBatchThreshold { get; init; }
    public int MaxDequeueCount { get; init; } = 5;
    /// <summary>How long a failed message stays invisible before its retry.</summary>
    public TimeSpan VisibilityTimeout { get; init; }
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary><c>messageEncoding</c>: base64 (the default) or none, for triggers and outputs alike.</summary>
    public bool Base64 { get; init; } = true;
}
