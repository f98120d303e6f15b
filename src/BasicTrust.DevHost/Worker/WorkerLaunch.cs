using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Worker;

/// <summary>Everything needed to start a worker for the app, again and again after crashes and timeouts.</summary>
public sealed record WorkerLaunch(
    string AppRoot,
    WorkerConfig Config,
    IReadOnlyDictionary<string, string> Settings,
    RpcServer Server,
    Action<string, StreamingMessage>? Transcript)
{
    /// <summary>How long the worker may take to open its stream and answer the handshake (the host's start-up timeout).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>The worker's hosting environment unless the app settings name one (<see cref="LocalHostOptions.Environment"/>).</summary>
    public string Environment { get; init; } = "Production";
}
