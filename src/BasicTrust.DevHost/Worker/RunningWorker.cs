using System.Collections.Concurrent;
using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Worker;

/// <summary>
/// One worker process and its stream, after the handshake: StartStream, WorkerInitRequest/Response (its
/// capabilities, among them the HttpUri of its own Kestrel), the function list (worker indexing, or
/// functions.metadata when the worker declines), and one FunctionLoadRequest per function.
/// </summary>
public sealed class RunningWorker : IAsyncDisposable
{
    const string HostVersion = "4.1040.0-devhost";
    // Written by the load replies' continuations, which run concurrently.
    readonly ConcurrentDictionary<string, string> _loadFailures = new();

    RunningWorker(WorkerProcess process, WorkerChannel channel) => (Process, Channel) = (process, channel);

    public WorkerProcess Process { get; }
    public WorkerChannel Channel { get; }
    public IReadOnlyDictionary<string, string> Capabilities { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<FunctionDefinition> Functions { get; private set; } = [];
    /// <summary>The worker's own HTTP listener (ASP.NET Core integration), where HTTP triggers are proxied.</summary>
    public Uri? HttpUri => Capabilities.TryGetValue("HttpUri", out var uri) ? new Uri(uri) : null;

    /// <summary>Why a function failed to load; the host fails its invocations with this instead of sending them.</summary>
    public string? LoadFailure(string functionId) => _loadFailures.GetValueOrDefault(functionId);

    public static async Task<RunningWorker> StartAsync(WorkerLaunch launch, ILogger logger, CancellationToken cancellationToken)
    {
        var channel = new WorkerChannel(Guid.NewGuid().ToString(), logger, launch.Transcript);
        launch.Server.Connections.Expect(channel);
        var process = WorkerProcess.Start(launch.Config, launch.AppRoot, launch.Server.Address, channel.WorkerId, launch.Settings, launch.Environment, logger);
        var worker = new RunningWorker(process, channel);
        // When the process dies, its stream may linger; closing it fails whatever still waits on this worker.
        _ = process.Exited.ContinueWith(_ => channel.Close(), TaskScheduler.Default);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(launch.StartTimeout);
            await worker.HandshakeAsync(launch, timeout.Token).ConfigureAwait(false);
            return worker;
        }
        catch (Exception e)
        {
            // Whatever went wrong (also the host stopping meanwhile), the process must not outlive the attempt.
            await worker.DisposeAsync().ConfigureAwait(false);
            if (e is not (OperationCanceledException or WorkerUnavailableException) || cancellationToken.IsCancellationRequested) throw;
            var stderr = process.StderrTail;
            throw new InvalidOperationException($"The worker did not start within {launch.StartTimeout.TotalSeconds:0} s or exited while starting."
                + (stderr.Length > 0 ? $" Its last output:{Environment.NewLine}{stderr}" : ""), e);
        }
        finally
        {
            launch.Server.Connections.Forget(channel);
        }
    }

    async Task HandshakeAsync(WorkerLaunch launch, CancellationToken cancellationToken)
    {
        await Channel.Connected.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (Channel.Closed.IsCompleted) throw new WorkerUnavailableException("The worker exited before it connected.");

        var init = (await Channel.RequestAsync(new StreamingMessage
        {
            WorkerInitRequest = new WorkerInitRequest { HostVersion = HostVersion, WorkerDirectory = launch.AppRoot, FunctionAppDirectory = launch.AppRoot },
        }, ReplyKeys.Init, cancellationToken).ConfigureAwait(false)).WorkerInitResponse;
        Ensure(init.Result, "initialise");
        Capabilities = new Dictionary<string, string>(init.Capabilities);

        Functions = await MetadataAsync(launch, cancellationToken).ConfigureAwait(false);
        var loads = Functions.Select(f => LoadAsync(f, launch.AppRoot, cancellationToken)).ToList();
        await Task.WhenAll(loads).ConfigureAwait(false);
        if (HttpUri is { } http) await WaitListeningAsync(http, cancellationToken).ConfigureAwait(false);
    }

    async Task<IReadOnlyList<FunctionDefinition>> MetadataAsync(WorkerLaunch launch, CancellationToken cancellationToken)
    {
        if (!launch.Config.WorkerIndexing) return FunctionsMetadataFile.Read(launch.AppRoot);
        var response = (await Channel.RequestAsync(new StreamingMessage
        {
            FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = launch.AppRoot },
        }, ReplyKeys.Metadata, cancellationToken).ConfigureAwait(false)).FunctionMetadataResponse;
        if (response.UseDefaultMetadataIndexing) return FunctionsMetadataFile.Read(launch.AppRoot);
        Ensure(response.Result, "report its functions");
        return [.. response.FunctionMetadataResults.Select(m =>
            FunctionDefinition.Create(m.FunctionId, m.Name, m.ScriptFile, m.EntryPoint, m.RawBindings))];
    }

    async Task LoadAsync(FunctionDefinition function, string appRoot, CancellationToken cancellationToken)
    {
        var reply = await Channel.RequestAsync(new StreamingMessage { FunctionLoadRequest = FunctionLoads.Request(function, appRoot) },
            ReplyKeys.Load(function.Id), cancellationToken).ConfigureAwait(false);
        var result = reply.FunctionLoadResponse.Result;
        if (result.Status != StatusResult.Types.Status.Success)
            _loadFailures[function.Id] = $"{function.Name} failed to load: {result.Exception?.Message}";
    }

    /// <summary>
    /// The worker announces its HttpUri before its Kestrel accepts connections; a request proxied in between would
    /// be refused while its invocation waits 15 s for it. So the worker is ready only once the port answers.
    /// </summary>
    static async Task WaitListeningAsync(Uri http, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var client = new System.Net.Sockets.TcpClient();
            try
            {
                await client.ConnectAsync(http.Host, http.Port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    static void Ensure(StatusResult result, string what)
    {
        if (result.Status != StatusResult.Types.Status.Success)
            throw new InvalidOperationException($"The worker failed to {what}: {result.Exception?.Message}");
    }

    /// <summary>Asks the worker to stop (WorkerTerminate), and kills its process tree if it has not exited in time.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        Channel.Send(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(grace) } });
        await Process.StopAsync(grace).ConfigureAwait(false);
        Channel.Close();
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Close();
        await Process.DisposeAsync().ConfigureAwait(false);
    }
}
