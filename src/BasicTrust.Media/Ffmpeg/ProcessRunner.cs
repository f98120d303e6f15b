using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace BasicTrust.Media.Ffmpeg;

/// <summary>How one FFmpeg or ffprobe run is bounded and observed.</summary>
public sealed record ProcessRunOptions
{
    /// <summary>The run is stopped after this long (untrusted input must not run forever).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);
    /// <summary>How long FFmpeg gets to quit after "q" before it is killed.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>Receives the output position from <c>-progress pipe:1</c>.</summary>
    public IProgress<TimeSpan>? Progress { get; init; }
}

/// <summary>
/// Runs FFmpeg and ffprobe from argv lists. Cancellation and timeouts ask FFmpeg to quit ("q" on stdin),
/// then kill it after a grace period; failures throw <see cref="MediaProcessException"/>.
/// </summary>
public static class ProcessRunner
{
    const int StderrLines = 30;

    /// <summary>Runs <paramref name="program"/> and returns its stdout (progress lines excluded).</summary>
    public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, ProcessRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ProcessRunOptions();
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var commandLine = CommandLine.Format(program, arguments);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stderr = new Queue<string>();
        var stdout = new StringBuilder();
        var readErr = PumpAsync(process.StandardError, line => { lock (stderr) { stderr.Enqueue(line); if (stderr.Count > StderrLines) stderr.Dequeue(); } });
        var readOut = PumpAsync(process.StandardOutput, line => { if (!ReportProgress(line, options.Progress)) stdout.AppendLine(line); });

        using var timeout = new CancellationTokenSource(options.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await StopAsync(process, options.GracePeriod).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new MediaProcessException($"{Path.GetFileName(program)} took longer than {options.Timeout.TotalSeconds:0} s and was stopped", -1, Tail(stderr), commandLine);
        }
        await Task.WhenAll(readErr, readOut).ConfigureAwait(false);
        if (process.ExitCode != 0)
            throw new MediaProcessException($"{Path.GetFileName(program)} failed", process.ExitCode, Tail(stderr), commandLine);
        return stdout.ToString();
    }

    static async Task StopAsync(Process process, TimeSpan grace)
    {
        try
        {
            await process.StandardInput.WriteAsync('q').ConfigureAwait(false);
            await process.StandardInput.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException) { /* already gone */ }
        using var wait = new CancellationTokenSource(grace);
        try { await process.WaitForExitAsync(wait.Token).ConfigureAwait(false); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
    }

    /// <summary>With <c>-progress pipe:1</c> every stdout line is progress; out_time_us is the output position.</summary>
    static bool ReportProgress(string line, IProgress<TimeSpan>? progress)
    {
        if (progress is null) return false;
        const string key = "out_time_us=";
        if (line.StartsWith(key, StringComparison.Ordinal)
            && long.TryParse(line.AsSpan(key.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var us) && us >= 0)
            progress.Report(TimeSpan.FromMicroseconds(us));
        return true;
    }

    static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line) onLine(line);
    }

    static string Tail(Queue<string> lines)
    {
        lock (lines) return CommandLine.Redact(string.Join('\n', lines));
    }
}
