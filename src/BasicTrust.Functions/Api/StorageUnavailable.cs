using System.Collections.Concurrent;
using System.Reflection;
using Azure;
using BasicTrust.Functions.Pipeline;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Options;

namespace BasicTrust.Functions.Api;

/// <summary>
/// An HTTP function that meets storage down, failing (after the SDK's own retries) or stalled past its deadline
/// answers 503 with <c>Retry-After</c>, a problem the client can act on, instead of a 500 or no answer at all. The
/// deadline (<see cref="PipelineOptions.RequestDeadline"/>, or a function's <see cref="RequestDeadlineAttribute"/>)
/// cancels the request's token, which every storage call of a function takes. Other functions let the failure stand,
/// so their trigger retries them.
/// </summary>
public sealed class StorageUnavailable(IOptions<PipelineOptions> options, ILogger<StorageUnavailable> logger) : IFunctionsWorkerMiddleware
{
    static readonly ConcurrentDictionary<string, TimeSpan?> Deadlines = new();

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }
        var caller = http.RequestAborted;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(caller);
        deadline.CancelAfter(DeadlineOf(context.FunctionDefinition) ?? options.Value.RequestDeadline);
        http.RequestAborted = deadline.Token;
        try
        {
            await next(context);
        }
        catch (Exception e) when ((IsStorageFault(e) || (deadline.IsCancellationRequested && !caller.IsCancellationRequested)) && !http.Response.HasStarted)
        {
            logger.LogWarning("{Function}: storage is unavailable ({Reason}); answered 503", context.FunctionDefinition.Name,
                deadline.IsCancellationRequested ? "no answer before the deadline" : e.GetType().Name);
            // The deadline's token is cancelled: the answer is written with the caller's.
            http.RequestAborted = caller;
            http.Response.Headers.RetryAfter = "10";
            await ApiResults.Problem(503, "api.storage.title", "api.storage.detail")
                .ExecuteAsync(http);
        }
        finally
        {
            http.RequestAborted = caller;
        }
    }

    /// <summary>A function's own deadline, from the attribute on its method (looked up once per function).</summary>
    static TimeSpan? DeadlineOf(FunctionDefinition function) => Deadlines.GetOrAdd(function.EntryPoint, entryPoint =>
    {
        var dot = entryPoint.LastIndexOf('.');
        var method = typeof(StorageUnavailable).Assembly.GetType(entryPoint[..dot])?.GetMethod(entryPoint[(dot + 1)..]);
        return method?.GetCustomAttribute<RequestDeadlineAttribute>()?.Deadline;
    });

    /// <summary>Server-side and network faults of storage; a 4xx from storage is a bug of ours and stays a failure.</summary>
    static bool IsStorageFault(Exception e) => e switch
    {
        RequestFailedException r => r.Status is 0 or >= 500,
        AggregateException a => a.InnerExceptions.All(IsStorageFault),
        HttpRequestException or IOException or TimeoutException => true,
        _ => e.InnerException is { } inner && IsStorageFault(inner),
    };
}
