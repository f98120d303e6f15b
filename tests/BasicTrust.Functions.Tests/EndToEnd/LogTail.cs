using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>Keeps the DevHost's last log lines, so a failing end-to-end test can show what the pipeline did.</summary>
sealed class LogTail : ILoggerProvider
{
    readonly ConcurrentQueue<string> _lines = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public string Last(int count = 40) => string.Join('\n', _lines.TakeLast(count));

    void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > 400) _lines.TryDequeue(out _);
    }

    public void Dispose() { }

    sealed class Logger(LogTail tail, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            tail.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
    }
}
