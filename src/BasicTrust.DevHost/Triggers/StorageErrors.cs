using Azure;

namespace BasicTrust.DevHost.Triggers;

/// <summary>
/// How the listeners treat storage errors: a listener never ends on one. A transient error (storage down, a reset,
/// a timeout, 408/429/5xx) is retried after a back-off; a definite answer (404, 409, 412, a pop receipt that no longer
/// matches) is logged and the work item left to come back on its own (its lease or visibility timeout runs out).
/// </summary>
public static class StorageErrors
{
    static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(15);

    /// <summary>True when the exception only means the host is stopping.</summary>
    public static bool IsStopping(Exception e, CancellationToken cancellationToken) =>
        e is OperationCanceledException && cancellationToken.IsCancellationRequested;

    /// <summary>Worth trying again: not a definite 4xx answer from storage.</summary>
    public static bool IsTransient(Exception e) => e is not RequestFailedException { Status: >= 400 and < 500 and not 408 and not 429 };

    /// <summary>
    /// One line for the log: the status and error code, or the exception's type and first line. The SDK redacts SAS
    /// signatures from the URIs it puts in messages; only the first line is kept, so no request headers follow.
    /// </summary>
    public static string Describe(Exception e) => e switch
    {
        RequestFailedException r => $"{r.Status} {r.ErrorCode ?? "(no error code)"}",
        AggregateException { InnerExceptions.Count: > 0 } a => $"{e.GetType().Name}: {Describe(a.InnerExceptions[^1])}",
        _ => $"{e.GetType().Name}: {e.Message.Split('\n')[0]}",
    };

    /// <summary>The next back-off after <paramref name="delay"/>: doubled up to 15 s, starting at 1 s.</summary>
    public static TimeSpan Next(TimeSpan delay) =>
        delay < FirstDelay ? FirstDelay : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));

    /// <summary>
    /// Runs a storage call that settles a work item (delete, update, receipt write), retrying transient errors with
    /// back-off until <paramref name="giveUpAfter"/>. False when it did not happen; the reason is logged.
    /// </summary>
    public static async Task<bool> SettleAsync(Func<Task> call, string what, TimeSpan giveUpAfter, ILogger logger, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + giveUpAfter;
        var delay = TimeSpan.Zero;
        while (true)
        {
            try
            {
                await call().ConfigureAwait(false);
                return true;
            }
            catch (Exception e) when (!IsStopping(e, cancellationToken))
            {
                delay = Next(delay);
                if (!IsTransient(e) || DateTimeOffset.UtcNow + delay > deadline)
                {
                    logger.LogWarning("{What} failed, giving up: {Reason}", what, Describe(e));
                    return false;
                }
                logger.LogWarning("{What} failed, retrying in {Delay}: {Reason}", what, delay, Describe(e));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
