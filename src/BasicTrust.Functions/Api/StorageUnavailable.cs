using Azure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace BasicTrust.Functions.Api;

/// <summary>
/// An HTTP function that meets storage down or failing (after the SDK's own retries) answers 503 with
/// <c>Retry-After</c>, a problem the client can act on, instead of a 500. Other functions let the failure stand, so
/// their trigger retries them.
/// </summary>
public sealed class StorageUnavailable(ILogger<StorageUnavailable> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsStorageFault(e) && context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            logger.LogWarning("{Function}: storage is unavailable ({Reason}); answered 503", context.FunctionDefinition.Name, e.GetType().Name);
            http.Response.Headers.RetryAfter = "10";
            await ApiResults.Problem(503, "Storage is unavailable.", "The request could not be completed now; nothing was lost. Try again shortly.")
                .ExecuteAsync(http);
        }
    }

    /// <summary>Server-side and network faults of storage; a 4xx from storage is a bug of ours and stays a failure.</summary>
    static bool IsStorageFault(Exception e) => e switch
    {
        RequestFailedException r => r.Status is 0 or >= 500,
        AggregateException a => a.InnerExceptions.All(IsStorageFault),
        HttpRequestException or IOException or TimeoutException => true,
        _ => e.InnerException is { } inner && IsStorageFault(inner),
    };
}
