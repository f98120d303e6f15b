using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BasicTrust.Testing;

/// <summary>
/// Keeps the last lines something wrote (the DevHosts' and workers' logs as a logger provider, a browser's console, a
/// child process's output), so a failing test shows what happened. Adding never throws.
/// </summary>
public sealed class LogLines : ILoggerProvider
{
    readonly ConcurrentQueue<string> _lines = new();
    int _count;

    public IEnumerable<string> Lines => _lines;
    public string Last(int count = 60, string? skip = null) =>
        string.Join('\n', _lines.Where(l => skip is null || !l.Contains(skip, StringComparison.Ordinal)).TakeLast(count));
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() { }

    public void Add(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        if (Interlocked.Increment(ref _count) > 2000 && _lines.TryDequeue(out _)) Interlocked.Decrement(ref _count);
    }

    sealed class Logger(LogLines log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
    }
}
