namespace BasicTrust.DevHost.App;

/// <summary><c>extensions.queues</c> of host.json (Storage extension 5.x), with its defaults.</summary>
public sealed record QueueSettings
{
    /// <summary>Messages taken at once; the next batch is fetched when all of them are done (newBatchThreshold is not read).</summary>
    public int BatchSize { get; init; } = 16;
    public int MaxDequeueCount { get; init; } = 5;
    /// <summary>How long a failed message stays invisible before its retry.</summary>
    public TimeSpan VisibilityTimeout { get; init; }
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary><c>messageEncoding</c>: base64 (the default) or none, for triggers and outputs alike.</summary>
    public bool Base64 { get; init; } = true;
}
