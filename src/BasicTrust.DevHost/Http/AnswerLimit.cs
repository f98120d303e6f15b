namespace BasicTrust.DevHost.Http;

/// <summary>
/// How long an HTTP call may go without an answer. In Azure the front end cuts a call after 230 s whatever
/// <c>functionTimeout</c> says (the load balancer's idle timeout) and answers 500 "The request timed out"; the
/// function goes on without its caller. Locally the same limit applies, so a call that only works on this machine shows.
/// </summary>
public sealed record AnswerLimit(TimeSpan Answer, TimeSpan FunctionTimeout)
{
    /// <summary>Azure's front end: 230 s.</summary>
    public static readonly TimeSpan Azure = TimeSpan.FromSeconds(230);

    /// <summary>True when the front end's limit comes before functionTimeout (so a cut call is the front end's doing).</summary>
    public bool IsFrontEnd => Answer != Timeout.InfiniteTimeSpan && (FunctionTimeout == Timeout.InfiniteTimeSpan || Answer < FunctionTimeout);

    /// <summary>How long the proxied call may stay idle: the smaller limit (a day when neither bounds it).</summary>
    public TimeSpan Idle => IsFrontEnd ? Answer : FunctionTimeout == Timeout.InfiniteTimeSpan ? TimeSpan.FromDays(1) : FunctionTimeout;

    /// <summary>What the front end answers a call it cut.</summary>
    public static async Task TimedOutAsync(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("500 - The request timed out.\nThe web server failed to respond within the specified time.").ConfigureAwait(false);
        // Ended now: the caller has its answer while the function may still run.
        await context.Response.CompleteAsync().ConfigureAwait(false);
    }
}
