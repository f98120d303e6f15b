using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Http;
using BasicTrust.DevHost.Outputs;
using BasicTrust.DevHost.Triggers;
using BasicTrust.DevHost.Triggers.Blob;
using BasicTrust.DevHost.Triggers.Blob.EventGrid;
using BasicTrust.DevHost.Triggers.Queue;
using BasicTrust.DevHost.Triggers.Timer;
using BasicTrust.DevHost.Worker;

namespace BasicTrust.DevHost;

/// <summary>
/// The local stand-in for the Functions host: serves the FunctionRpc stream, starts the app's isolated worker and
/// loads its functions, then runs a listener per trigger (queue, blob, timer, HTTP) until disposed. Everything it
/// knows about the app comes from the app folder (worker.config.json, host.json) and from the worker itself.
/// </summary>
public sealed class LocalFunctionsHost : IAsyncDisposable
{
    readonly CancellationTokenSource _stop = new();
    readonly List<Task> _listeners = [];
    readonly Dictionary<string, TimerListener> _timers = new(StringComparer.OrdinalIgnoreCase);
    readonly List<IAsyncDisposable> _started = [];
    WorkerSupervisor _workers = null!;
    SemaphoreSlim? _blobSlots;
    FrontDoor? _http;

    LocalFunctionsHost(HostSettings settings) => Settings = settings;

    /// <summary>The app's host.json settings the host obeys.</summary>
    public HostSettings Settings { get; }
    /// <summary>The functions the worker reported, with <c>%setting%</c>s resolved.</summary>
    public IReadOnlyList<FunctionDefinition> Functions { get; private set; } = [];
    /// <summary>The HTTP API's base address (<c>http://127.0.0.1:7071/api/</c>), when the app has HTTP functions.</summary>
    public Uri? ApiBaseAddress => _http?.BaseAddress;
    /// <summary>The function key the HTTP API requires: the one given, or a random one (never empty).</summary>
    public string FunctionKey { get; private set; } = "";
    /// <summary>True when some HTTP function needs <see cref="FunctionKey"/> (authLevel function or admin).</summary>
    public bool NeedsFunctionKey { get; private set; }
    /// <summary>The built-in authentication it plays when <see cref="LocalHostOptions.RequireSignIn"/> is set.</summary>
    BuiltInAuth? _auth;

    /// <summary>A development token to sign in as <paramref name="user"/>, valid for <paramref name="lifetime"/> (12 hours by default).</summary>
    public string DevelopmentToken(DevelopmentUser user, TimeSpan? lifetime = null) =>
        (_auth ?? throw new InvalidOperationException("The host does not require sign-in (LocalHostOptions.RequireSignIn)."))
            .Mint(user, lifetime ?? TimeSpan.FromHours(12));

    /// <summary>The supervisor of the worker; tests reach its stream through it.</summary>
    internal WorkerSupervisor Workers => _workers;
    /// <summary>The current worker's process id (0 while none runs); tests kill it to see the restart.</summary>
    public int WorkerProcessId => _workers.Current?.Process.Id ?? 0;

    public static async Task<LocalFunctionsHost> StartAsync(LocalHostOptions options, ILoggerFactory loggers, CancellationToken cancellationToken = default)
    {
        var key = FunctionKeys.Choose(options.FunctionKey);
        var appRoot = Path.GetFullPath(options.AppRoot);
        var config = WorkerConfig.Read(appRoot);
        var host = new LocalFunctionsHost(HostSettings.Read(appRoot));
        await StorageCheck.EnsureReachableAsync(options.Settings, cancellationToken).ConfigureAwait(false);
        try
        {
            host.FunctionKey = key;
            host._auth = options.RequireSignIn ? new BuiltInAuth(options.AcceptStaticWebAppsCli) : null;
            await host.StartAsync(options, appRoot, config, loggers, cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    async Task StartAsync(LocalHostOptions options, string appRoot, WorkerConfig config, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("DevHost");
        var server = await RpcServer.StartAsync(new WorkerConnections(), loggers, cancellationToken).ConfigureAwait(false);
        _started.Add(server);
        var launch = new WorkerLaunch(appRoot, config, options.Settings, server, options.Transcript) { StartTimeout = options.WorkerStartTimeout, Environment = options.Environment };
        _workers = new WorkerSupervisor(launch, Settings.FunctionTimeout, loggers.CreateLogger("Worker"));
        _started.Insert(0, _workers);
        await _workers.StartAsync(cancellationToken).ConfigureAwait(false);
        // As the real host shuts down when its worker keeps failing: no listener takes work it cannot hand on.
        _ = _workers.GaveUp.ContinueWith(_ =>
        {
            logger.LogCritical("The worker is gone for good; the listeners stop");
            try { _stop.Cancel(); } catch (ObjectDisposedException) { }
        }, TaskScheduler.Default);
        Functions = [.. _workers.Current!.Functions.Select(f => f.WithSettings(options.Settings))];

        var clock = TimeProvider.System;
        var accounts = new StorageAccounts(options.Settings, Settings.Queues);
        var invoker = new FunctionInvoker(_workers, new OutputBinder(accounts, clock, logger), logger);
        // One limit for all blob triggers together, as the host's one queue of blob work items has.
        var blobSlots = _blobSlots = new SemaphoreSlim(Settings.BlobParallelism);
        var fromEventGrid = Functions.Where(f => f.Trigger.Type.Equals("blobTrigger", StringComparison.OrdinalIgnoreCase) && f.Trigger.FromEventGrid).ToList();
        var blobEvents = fromEventGrid.Count == 0 ? null
            : new BlobEventQueue(fromEventGrid, accounts, invoker, options.HostId, Settings.BlobParallelism, blobSlots, Settings.Queues.Base64, loggers.CreateLogger("BlobEvents"));
        foreach (var function in Functions)
        {
            var log = loggers.CreateLogger(function.Name);
            Func<CancellationToken, Task>? run = function.Trigger.Type.ToLowerInvariant() switch
            {
                "queuetrigger" => QueueListener.For(function, Settings.Queues, accounts, invoker, log).RunAsync,
                "blobtrigger" when function.Trigger.FromEventGrid => null, // the webhook and the host's blob queue, below
                "blobtrigger" => new BlobListener(function, Settings.PoisonBlobThreshold, accounts, invoker, options.HostId, options.BlobScanInterval, blobSlots, log).RunAsync,
                "timertrigger" => AddTimer(function, new TimerListener(function, invoker,
                    new ListenerLock(accounts.Blobs(StorageCheck.HostStorage), accounts.LeaseRenewals(StorageCheck.HostStorage), options.HostId, function.Name, log), clock, log), options.RunTimers),
                "httptrigger" => null, // served by the front door below
                _ => Unsupported(function, logger),
            };
            if (run is null) continue;
            _listeners.Add(Task.Run(() => RunListenerAsync(function.Name, run, _stop.Token, log)));
            logger.LogInformation("{Function}: {Trigger} listening", function.Name, function.Trigger.Type);
        }

        var routes = Functions.Where(f => f.Trigger.Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase)).Select(f => HttpRoute.From(f, Settings.RoutePrefix)).ToList();
        NeedsFunctionKey = routes.Any(r => r.NeedsKey) || blobEvents is not null;
        if (routes.Count > 0 || blobEvents is not null)
        {
            _http = await FrontDoor.StartAsync(routes, Settings.RoutePrefix, options.HttpPort, FunctionKey, _auth, Settings.FunctionTimeout, options.HttpAnswerLimit, _workers, invoker, blobEvents, logger, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("HTTP API on {Address}", _http.BaseAddress);
        }
        if (blobEvents is not null) await StartBlobEventsAsync(fromEventGrid, blobEvents, accounts, options, loggers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Blob triggers with <c>source: EventGrid</c>: the listener of the host's blob queue, and the stand-in for Event Grid
    /// (Azurite sends no events) that delivers to the blob webhook, its baseline taken before the host counts as started.
    /// </summary>
    async Task StartBlobEventsAsync(IReadOnlyList<FunctionDefinition> functions, BlobEventQueue queue, StorageAccounts accounts, LocalHostOptions options,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var log = loggers.CreateLogger("BlobEvents");
        var http = _http!;
        var grid = new EventGridStandIn([.. functions.Select(BlobEventSubscription.For)], accounts, () => http.RootAddress, FunctionKey, options.BlobEvents, options.BlobScanInterval, log);
        await grid.StartAsync(cancellationToken).ConfigureAwait(false);
        _listeners.Add(Task.Run(() => RunListenerAsync("BlobEvents", queue.RunAsync, _stop.Token, log)));
        _listeners.Add(Task.Run(() => RunListenerAsync("EventGrid", grid.RunAsync, _stop.Token, log)));
        foreach (var function in functions)
            log.LogInformation("{Function}: blobTrigger (source EventGrid) on {Path}, through {Webhook}", function.Name, function.Trigger["path"], BlobWebhook.Path);
    }

    /// <summary>
    /// Waits until <paramref name="cancellationToken"/> is cancelled. Throws <see cref="WorkerUnavailableException"/>
    /// when the host stopped by itself first, because its worker kept failing and it gave up restarting it.
    /// </summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        var first = await Task.WhenAny(_workers.GaveUp, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
        if (first == _workers.GaveUp) await first.ConfigureAwait(false);
    }

    /// <summary>Runs a timer-triggered function now, as the host's admin endpoint does; true when it succeeded.</summary>
    public Task<bool> FireTimerAsync(string functionName, CancellationToken cancellationToken = default) =>
        _timers.TryGetValue(functionName, out var timer)
            ? timer.FireNowAsync(cancellationToken)
            : throw new ArgumentException($"{functionName} has no timer trigger.", nameof(functionName));

    Func<CancellationToken, Task>? AddTimer(FunctionDefinition function, TimerListener timer, bool run)
    {
        _timers[function.Name] = timer;
        return run ? timer.RunAsync : null;
    }

    static Func<CancellationToken, Task>? Unsupported(FunctionDefinition function, ILogger logger)
    {
        logger.LogWarning("{Function}: trigger type {Type} is not supported by the DevHost; it will not run", function.Name, function.Trigger.Type);
        return null;
    }

    /// <summary>
    /// Runs a listener until the host stops. The listeners handle storage errors themselves; should one still end
    /// with an exception, it is logged and started again after a back-off: a listener never stops for good.
    /// </summary>
    static async Task RunListenerAsync(string name, Func<CancellationToken, Task> run, CancellationToken stop, ILogger logger)
    {
        var backOff = TimeSpan.Zero;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await run(stop).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (StorageErrors.IsStopping(e, stop))
            {
                return;
            }
            catch (Exception e)
            {
                backOff = StorageErrors.Next(backOff);
                logger.LogError("{Function}: listener failed, restarting it in {Delay}: {Reason}", name, backOff, StorageErrors.Describe(e));
            }
            try { await Task.Delay(backOff, stop).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Stops the listeners and the front door, asks the worker to terminate (killing it if it lingers), stops the gRPC server.</summary>
    /// <summary>How long stopping waits for the listeners to settle what they hold.</summary>
    static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(10);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        // Listeners settle what they hold (release messages, leases); when storage went down with us (Ctrl+C reaches
        // Azurite too) that cannot finish, and stopping must not wait for storage retries: leases expire on their own.
        await Task.WhenAny(Task.WhenAll(_listeners), Task.Delay(ShutdownGrace)).ConfigureAwait(false);
        if (_http is not null) await _http.DisposeAsync().ConfigureAwait(false);
        foreach (var started in _started) await started.DisposeAsync().ConfigureAwait(false);
        _blobSlots?.Dispose();
        _stop.Dispose();
    }
}
