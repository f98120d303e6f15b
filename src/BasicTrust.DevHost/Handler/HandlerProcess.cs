using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BasicTrust.DevHost.App;

namespace BasicTrust.DevHost.Handler;

/// <summary>
/// The custom handler process, started as the host starts it: every app setting in its environment plus
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, then <c>GET /</c> polled every 25 ms until it answers (30 s at most).
/// If it exits or a function times out, it is started again, as the host restarts its worker.
/// </summary>
public sealed class HandlerProcess(HostSettings host, IReadOnlyDictionary<string, string> settings, string appRoot, ILogger logger) : IAsyncDisposable
{
    static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(30);
    readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    readonly SemaphoreSlim _restart = new(1, 1);
    Process? _process;
    volatile bool _stopping;

    /// <summary>Where the handler listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The running process's id (tests kill it to prove retries work).</summary>
    public int ProcessId => _process?.Id ?? 0;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(host.ExecutablePath)
        {
            WorkingDirectory = host.WorkingDirectory ?? appRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in host.Arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in settings) start.Environment[key] = value;
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = Guid.NewGuid().ToString();
        start.Environment["FUNCTIONS_APP_ROOT_PATH"] = appRoot;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{host.ExecutablePath} did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) logger.LogInformation("handler: {Line}", line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) logger.LogError("handler: {Line}", line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => OnExited(process);
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        await WaitReadyAsync(process, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Handler ready on {Address} (pid {Pid})", BaseAddress, process.Id);
    }

    /// <summary>Kills the handler and starts a new one (after a function timeout, or when it died).</summary>
    public async Task RestartAsync(string reason, CancellationToken cancellationToken)
    {
        var before = _process;
        await _restart.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_stopping || !ReferenceEquals(before, _process) && _process is { HasExited: false }) return;
            logger.LogWarning("Restarting the handler: {Reason}", reason);
            Kill(_process);
            await StartAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _restart.Release();
        }
    }

    /// <summary>Waits until the handler answers again (while it restarts).</summary>
    public async Task WaitAvailableAsync(CancellationToken cancellationToken)
    {
        await _restart.WaitAsync(cancellationToken).ConfigureAwait(false);
        _restart.Release();
    }

    void OnExited(Process process)
    {
        if (_stopping || !ReferenceEquals(process, _process)) return;
        _ = RestartAsync($"the handler exited with code {process.ExitCode}", CancellationToken.None);
    }

    async Task WaitReadyAsync(Process process, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ReadyWithin;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The handler exited with code {process.ExitCode} before it was ready.");
            try
            {
                using var _ = await _probe.GetAsync(BaseAddress, cancellationToken).ConfigureAwait(false);
                return; // any HTTP answer counts, even 404
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { }
            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
        }
        Kill(process);
        throw new TimeoutException($"The handler did not answer GET / within {ReadyWithin.TotalSeconds:0} s.");
    }

    static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    static void Kill(Process? process)
    {
        try { if (process is { HasExited: false }) process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        if (_process is { } process)
        {
            Kill(process);
            await process.WaitForExitAsync().ConfigureAwait(false);
            process.Dispose();
        }
        _probe.Dispose();
        _restart.Dispose();
    }
}
