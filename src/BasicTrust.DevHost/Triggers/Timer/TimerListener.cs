using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Worker;

namespace BasicTrust.DevHost.Triggers.Timer;

/// <summary>
/// A timer trigger: while this host holds the function's listener lock, invokes it at each occurrence of its
/// six-field NCRONTAB schedule (UTC; <c>%setting%</c> already resolved), and once per host start with <c>runOnStartup</c>.
/// </summary>
public sealed class TimerListener(FunctionDefinition function, FunctionInvoker invoker, ListenerLock listenerLock, TimeProvider clock, ILogger logger)
{
    readonly CronSchedule _schedule = CronSchedule.Parse(function.Trigger["schedule"]!);
    // runOnStartup fires once per start of the host, not each time this host takes the listener lock again.
    int _startedUp;

    public Task RunAsync(CancellationToken cancellationToken) => listenerLock.RunWhileHeldAsync(TickAsync, cancellationToken);

    async Task TickAsync(CancellationToken cancellationToken)
    {
        if (string.Equals(function.Trigger["runOnStartup"], "true", StringComparison.OrdinalIgnoreCase) && Interlocked.Exchange(ref _startedUp, 1) == 0)
            await FireSafelyAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        DateTimeOffset? fired = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = NextOccurrence(_schedule, clock.GetUtcNow(), fired);
            var wait = next - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            await FireSafelyAsync(next, cancellationToken).ConfigureAwait(false);
            fired = next;
        }
    }

    /// <summary>
    /// The occurrence to wait for: after now, and after the one just fired, since a delay may wake a little early
    /// (then now is still before the occurrence it waited for, and that one would fire twice).
    /// </summary>
    internal static DateTimeOffset NextOccurrence(CronSchedule schedule, DateTimeOffset now, DateTimeOffset? lastFired) =>
        schedule.Next(lastFired is { } last && last > now ? last : now);

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
