using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Handler;
using BasicTrust.DevHost.Triggers;

namespace BasicTrust.DevHost;

/// <summary>How to run a function app locally.</summary>
public sealed record LocalHostOptions
{
    /// <summary>The function app folder: host.json, one folder per function, the handler executable.</summary>
    public required string AppRoot { get; init; }
    /// <summary>App settings: given to the handler's environment and used to resolve binding connections.</summary>
    public required IReadOnlyDictionary<string, string> Settings { get; init; }
    /// <summary>How often blob triggers scan their containers.</summary>
    public TimeSpan BlobScanInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Run timer triggers on their schedules (tests fire them by hand instead).</summary>
    public bool RunTimers { get; init; } = true;
    /// <summary>The host id in blob receipt names.</summary>
    public string HostId { get; init; } = "devhost";
    /// <summary>Port of the HTTP API (0: any free port), as <c>func start</c> uses 7071.</summary>
    public int HttpPort { get; init; } = 7071;
    /// <summary>The function key HTTP functions require; a random one when not given.</summary>
    public string? FunctionKey { get; init; }
}

/// <summary>
/// The local stand-in for the Functions host: starts the handler, then runs a listener per function (queue, blob,
/// timer) until disposed. Everything it knows about the app comes from the app folder's host.json and function.json files.
/// </summary>
public sealed class LocalFunctionsHost : IAsyncDisposable
{
    readonly CancellationTokenSource _stop = new();
    readonly List<Task> _listeners = [];
    readonly Dictionary<string, TimerListener> _timers = [];

    LocalFunctionsHost(HostSettings host, IReadOnlyList<FunctionDefinition> functions, HandlerProcess handler)
        => (Host, Functions, Handler) = (host, functions, handler);

    public HostSettings Host { get; }
    public IReadOnlyList<FunctionDefinition> Functions { get; }
    public HandlerProcess Handler { get; }
    /// <summary>The HTTP API's base address (<c>http://127.0.0.1:7071/api/</c>), when the app has HTTP functions.</summary>
    public Uri? ApiBaseAddress => _http?.BaseAddress;
    /// <summary>The function key the HTTP API requires.</summary>
    public string FunctionKey { get; private set; } = "";
    HttpForwarder? _http;

    public static async Task<LocalFunctionsHost> StartAsync(LocalHostOptions options, ILoggerFactory loggers, CancellationToken cancellationToken = default)
    {
        var logger = loggers.CreateLogger("DevHost");
        var appRoot = Path.GetFullPath(options.AppRoot);
        var settings = HostSettings.Read(appRoot);
        var functions = FunctionDefinition.ReadAll(appRoot);
        if (functions.Count == 0) throw new InvalidDataException($"No */function.json under {appRoot}.");
        var handler = new HandlerProcess(settings, options.Settings, appRoot, loggers.CreateLogger("Handler"));
        await handler.StartAsync(cancellationToken).ConfigureAwait(false);

        var host = new LocalFunctionsHost(settings, functions, handler);
        var clock = TimeProvider.System;
        var accounts = new StorageAccounts(options.Settings, settings.Queues);
        var invoker = new Invoker(handler, settings, clock, logger);
        var outputs = new OutputBinder(accounts, logger);
        foreach (var function in functions)
        {
            var log = loggers.CreateLogger(function.Name);
            Func<CancellationToken, Task>? run = function.Trigger.Type switch
            {
                "queueTrigger" => new QueueListener(function, settings.Queues, accounts, invoker, outputs, log).RunAsync,
                "blobTrigger" => new BlobListener(function, settings.PoisonBlobThreshold, accounts, invoker, outputs, options.HostId, options.BlobScanInterval, log).RunAsync,
                "timerTrigger" => host.AddTimer(function, new TimerListener(function, invoker, outputs, clock, log), options.RunTimers),
                "httpTrigger" => null, // served by the HttpForwarder below
                _ => null,
            };
            if (run is null) continue;
            host._listeners.Add(Task.Run(() => RunListenerAsync(function.Name, run, host._stop.Token, logger)));
            logger.LogInformation("{Function}: {Trigger} listening", function.Name, function.Trigger.Type);
        }
        host.FunctionKey = options.FunctionKey ?? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        if (functions.Any(f => f.Trigger.Type == "httpTrigger"))
        {
            host._http = await HttpForwarder.StartAsync(functions, settings.RoutePrefix, options.HttpPort, host.FunctionKey, handler, logger).ConfigureAwait(false);
            logger.LogInformation("HTTP API on {Address}", host._http.BaseAddress);
        }
        return host;
    }

    /// <summary>Runs a timer-triggered function now, as the host's admin endpoint does; true when it succeeded.</summary>
    public Task<bool> FireTimerAsync(string function, CancellationToken cancellationToken = default) =>
        _timers.TryGetValue(function, out var timer) ? timer.FireAsync(cancellationToken) : throw new ArgumentException($"{function} has no timer trigger.", nameof(function));

    Func<CancellationToken, Task>? AddTimer(FunctionDefinition function, TimerListener timer, bool run)
    {
        _timers[function.Name] = timer;
        return run ? timer.RunAsync : null;
    }

    static async Task RunListenerAsync(string name, Func<CancellationToken, Task> run, CancellationToken stop, ILogger logger)
    {
        try { await run(stop).ConfigureAwait(false); }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        catch (Exception e) { logger.LogError(e, "{Function}: listener stopped", name); }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_listeners).ConfigureAwait(false);
        if (_http is not null) await _http.DisposeAsync().ConfigureAwait(false);
        await Handler.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
