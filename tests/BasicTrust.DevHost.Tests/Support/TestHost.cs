using System.Collections.Concurrent;
using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Tests.Support;

/// <summary>A DevHost on the sample app against Azurite, with test-speed settings and its log kept in memory.</summary>
sealed class TestHost : IAsyncDisposable
{
    public const string Key = "test-key";
    readonly ILoggerFactory _loggers;

    TestHost(LocalFunctionsHost host, ILoggerFactory loggers, LogLines log) => (Host, _loggers, Log) = (host, loggers, log);

    public LocalFunctionsHost Host { get; }
    public LogLines Log { get; }

    public static Dictionary<string, string> Settings(string tickSchedule = "*/1 * * * * *", string? connectionString = null) => new()
    {
        ["AzureWebJobsStorage"] = connectionString ?? Azurite.ConnectionString,
        ["PipelineStorage"] = connectionString ?? Azurite.ConnectionString,
        ["TickSchedule"] = tickSchedule,
    };

    public static async Task<TestHost> StartAsync(string? appRoot = null, string hostId = "devhost-tests", bool runTimers = false,
        Action<string, StreamingMessage>? transcript = null, string? connectionString = null, Func<LocalHostOptions, LocalHostOptions>? configure = null)
    {
        var log = new LogLines();
        var loggers = LoggerFactory.Create(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Debug));
        configure ??= o => o;
        var host = await LocalFunctionsHost.StartAsync(configure(new LocalHostOptions
        {
            AppRoot = appRoot ?? Repository.SampleApp,
            Settings = Settings(connectionString: connectionString),
            BlobScanInterval = TimeSpan.FromMilliseconds(200),
            RunTimers = runTimers,
            HostId = hostId,
            HttpPort = 0,
            FunctionKey = Key,
            Transcript = transcript,
        }), loggers);
        return new TestHost(host, loggers, log);
    }

    public HttpClient Api(bool withKey = true)
    {
        var client = new HttpClient { BaseAddress = Host.ApiBaseAddress };
        if (withKey) client.DefaultRequestHeaders.Add("x-functions-key", Key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _loggers.Dispose();
    }
}

/// <summary>Keeps every log line, so a failing test can show what the host did.</summary>
sealed class LogLines : ILoggerProvider
{
    readonly ConcurrentQueue<string> _lines = new();
    public IReadOnlyCollection<string> Lines => _lines;
    public override string ToString() => string.Join(Environment.NewLine, _lines.TakeLast(60));

    /// <summary>The first line that <paramref name="match"/> accepts, once it is logged; null when none is within <paramref name="within"/>.</summary>
    public async Task<string?> WaitForAsync(Func<string, bool> match, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (_lines.FirstOrDefault(match) is { } line) return line;
            if (DateTime.UtcNow > deadline) return null;
            await Task.Delay(50);
        }
    }
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);
    public void Dispose() { }

    sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
    }
}
