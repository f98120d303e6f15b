using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost;

/// <summary>How to run a published isolated-worker function app locally.</summary>
public sealed record LocalHostOptions
{
    /// <summary>The app's build or publish output: worker.config.json, host.json, the app's assembly.</summary>
    public required string AppRoot { get; init; }
    /// <summary>
    /// App settings: the worker's environment, and how binding connections resolve by name (<c>PipelineStorage</c> =
    /// a connection string). The host's own storage (receipts, locks) is <c>AzureWebJobsStorage</c>.
    /// </summary>
    public required IReadOnlyDictionary<string, string> Settings { get; init; }
    /// <summary>How often blob triggers scan their containers, and the stand-in for Event Grid lists the subscribed ones.</summary>
    public TimeSpan BlobScanInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>How the stand-in for Event Grid delivers blob events to triggers with <c>source: EventGrid</c> (retries, dead-letter).</summary>
    public Triggers.Blob.EventGrid.BlobEventDelivery BlobEvents { get; init; } = new();
    /// <summary>Run timer triggers on their schedules (tests fire them by hand instead).</summary>
    public bool RunTimers { get; init; } = true;
    /// <summary>The host id in receipt and lock names: hosts with the same id share the work, as instances of one app.</summary>
    public string HostId { get; init; } = "devhost";
    /// <summary>Port of the HTTP API (0: any free port), as <c>func start</c> uses 7071.</summary>
    public int HttpPort { get; init; } = 7071;
    /// <summary>The function key HTTP functions require; a random one when not given. Empty or blank is refused at start.</summary>
    public string? FunctionKey { get; init; }
    /// <summary>
    /// Require sign-in on every HTTP request, as the Function App's built-in authentication does in Azure (see
    /// <see cref="Http.BuiltInAuth"/>); <see cref="LocalFunctionsHost.DevelopmentToken"/> mints tokens to sign in with.
    /// </summary>
    public bool RequireSignIn { get; init; }
    /// <summary>With <see cref="RequireSignIn"/>, also admit the Static Web Apps CLI's forwarded principal (when it proxies to this host).</summary>
    public bool AcceptStaticWebAppsCli { get; init; }
    /// <summary>
    /// How long an HTTP call may wait for its answer before the host answers 500 "The request timed out", as Azure's
    /// front end does after 230 s whatever <c>functionTimeout</c> says (<see cref="Http.AnswerLimit"/>).
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns the limit off.
    /// </summary>
    public TimeSpan HttpAnswerLimit { get; init; } = Http.AnswerLimit.Azure;
    /// <summary>
    /// The worker's hosting environment (<c>AZURE_FUNCTIONS_ENVIRONMENT</c>): Production, as in Azure, unless the app
    /// settings name one. Core Tools runs Development; code that behaves differently there would not show locally.
    /// </summary>
    public string Environment { get; init; } = "Production";
    /// <summary>How long the worker may take to connect and load its functions.</summary>
    public TimeSpan WorkerStartTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>
    /// Sees every message on the worker's stream (direction <c>host-&gt;worker</c> or <c>worker-&gt;host</c>): for
    /// protocol transcripts in tests and diagnostics. It runs on the stream's own loop, so it must be quick.
    /// </summary>
    public Action<string, StreamingMessage>? Transcript { get; init; }
}
