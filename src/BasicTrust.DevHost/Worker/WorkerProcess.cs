using System.Diagnostics;
using System.Globalization;
using BasicTrust.DevHost.App;

namespace BasicTrust.DevHost.Worker;

/// <summary>
/// The worker process, started as the host starts it (RpcWorkerProcess): <c>dotnet App.dll</c> from
/// worker.config.json in the app folder, both spellings of the connection arguments (worker 2.x reads only the
/// <c>--functions-*</c> ones), and the app settings plus the host's own variables in its environment.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    /// <summary>What the real host passes as the largest gRPC message: no practical limit.</summary>
    public const int MaxMessageLength = int.MaxValue;
    const int StderrLines = 20;
    readonly Process _process;
    readonly Queue<string> _stderr = new();

    WorkerProcess(Process process) => (_process, Id) = (process, process.Id);

    public int Id { get; private init; }
    public Task Exited => _process.WaitForExitAsync();

    /// <summary>The last lines the worker wrote to stderr: start-up failures show only there.</summary>
    public string StderrTail { get { lock (_stderr) return string.Join(Environment.NewLine, _stderr); } }

    /// <summary>The variable the worker takes its hosting environment from (read as <c>ENVIRONMENT</c> under the <c>AZURE_FUNCTIONS_</c> prefix).</summary>
    public const string EnvironmentName = "AZURE_FUNCTIONS_ENVIRONMENT";

    public static WorkerProcess Start(WorkerConfig config, string appRoot, Uri rpcUri, string workerId, IReadOnlyDictionary<string, string> settings, string environment, ILogger logger)
    {
        var start = new ProcessStartInfo(config.ExecutablePath)
        {
            WorkingDirectory = appRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in config.Arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add(config.WorkerPath);
        foreach (var argument in config.WorkerArguments) start.ArgumentList.Add(argument);
        var requestId = Guid.NewGuid().ToString();
        var maxLength = MaxMessageLength.ToString(CultureInfo.InvariantCulture);
        string[] connection =
        [
            "--host", rpcUri.Host, "--port", rpcUri.Port.ToString(CultureInfo.InvariantCulture), "--workerId", workerId,
            "--requestId", requestId, "--grpcMaxMessageLength", maxLength,
            "--functions-uri", rpcUri.AbsoluteUri, "--functions-worker-id", workerId,
            "--functions-request-id", requestId, "--functions-grpc-max-message-length", maxLength,
        ];
        foreach (var argument in connection) start.ArgumentList.Add(argument);

        foreach (var (key, value) in settings) start.Environment[key] = value;
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        // Without these every function load fails: the worker finds the app's assembly through them.
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = appRoot;
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = appRoot;
        // The host sets no environment name for its worker: in Azure the worker runs as Production unless an app setting
        // says otherwise. So the DevHost's own shell (a DOTNET_ or ASPNETCORE_ENVIRONMENT=Development) does not leak
        // in; only an app setting or the DevHost's option names it.
        foreach (var name in (string[])[EnvironmentName, "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT"])
            if (!settings.ContainsKey(name)) start.Environment.Remove(name);
        if (!settings.ContainsKey(EnvironmentName)) start.Environment[EnvironmentName] = environment;

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{config.ExecutablePath} did not start.");
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) logger.LogDebug("worker stdout: {Line}", line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) worker.OnStderr(line, logger); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    void OnStderr(string line, ILogger logger)
    {
        logger.LogWarning("worker stderr: {Line}", line);
        lock (_stderr)
        {
            _stderr.Enqueue(line);
            while (_stderr.Count > StderrLines) _stderr.Dequeue();
        }
    }

    /// <summary>Waits up to <paramref name="grace"/> for the worker to exit by itself, then kills its process tree.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        using var wait = new CancellationTokenSource(grace);
        try { await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false); }
        catch (OperationCanceledException) { Kill(); }
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    public void Kill()
    {
        try { _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // already gone
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }
}
