using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Worker;

namespace BasicTrust.DevHost.Triggers.Timer;

/// <summary>
/// A timer trigger: while this host holds the function's listener lock, invokes it at each occurrence of its
/// six-field NCRONTAB schedule (UTC; <c>%setting%</c> already resolved), and once at start with <c>runOnStartup</c>.
/// </summary>
public sealed class TimerListener(FunctionDefinition function, FunctionInvoker invoker, ListenerLock listenerLock, TimeProvider clock, ILogger logger)
{
    readonly CronSchedule _schedule = CronSchedule.Parse(function.Trigger["schedule"]!);

    public Task RunAsync(CancellationToken cancellationToken) => listenerLock.RunWhileHeldAsync(TickAsync, cancellationToken);

    async Task TickAsync(CancellationToken cancellationToken)
    {
        if (string.Equals(function.Trigger["runOnStartup"], "true", StringComparison.OrdinalIgnoreCase))
            await FireSafelyAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = _schedule.Next(clock.GetUtcNow());
            var wait = next - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            await FireSafelyAsync(next, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the function now, as the host's admin endpoint does; true when it succeeded.</summary>
    public Task<bool> FireNowAsync(CancellationToken cancellationToken) => FireAsync(clock.GetUtcNow(), cancellationToken);

    /// <summary>One occurrence; a failure is logged and the schedule goes on.</summary>
    async Task FireSafelyAsync(DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        try
        {
            await FireAsync(occurrence, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!StorageErrors.IsStopping(e, cancellationToken))
        {
            logger.LogError("{Function}: the occurrence at {Occurrence} failed: {Reason}", function.Name, occurrence, StorageErrors.Describe(e));
        }
    }

    async Task<bool> FireAsync(DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        var request = TimerTriggerData.Request(function, occurrence, _schedule.Next(occurrence), clock.GetUtcNow());
        return (await invoker.InvokeAsync(function, request, cancellationToken).ConfigureAwait(false)).Succeeded;
    }
}
