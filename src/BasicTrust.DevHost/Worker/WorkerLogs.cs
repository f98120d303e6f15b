using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Worker;

/// <summary>
/// The worker's logs (<c>RpcLog</c>) into the host's logger, at their own level, with the invocation they belong
/// to. The worker's own internals (log category System) go to Debug, as the host keeps them out of user logs.
/// </summary>
public static class WorkerLogs
{
    public static void Write(ILogger logger, RpcLog log)
    {
        var level = log.LogCategory == RpcLog.Types.RpcLogCategory.System ? LogLevel.Debug : Level(log.Level);
        if (!logger.IsEnabled(level)) return;
        var exception = log.Exception is { } e ? $" ({e.Type}: {e.Message})" : "";
        if (string.IsNullOrEmpty(log.InvocationId))
            logger.Log(level, "{Category}: {Message}{Exception}", log.Category, log.Message, exception);
        else
            logger.Log(level, "[{InvocationId}] {Category}: {Message}{Exception}", log.InvocationId, log.Category, log.Message, exception);
    }

    static LogLevel Level(RpcLog.Types.Level level) => level switch
    {
        RpcLog.Types.Level.Trace => LogLevel.Trace,
        RpcLog.Types.Level.Debug => LogLevel.Debug,
        RpcLog.Types.Level.Information => LogLevel.Information,
        RpcLog.Types.Level.Warning => LogLevel.Warning,
        RpcLog.Types.Level.Error => LogLevel.Error,
        RpcLog.Types.Level.Critical => LogLevel.Critical,
        _ => LogLevel.None,
    };
}
