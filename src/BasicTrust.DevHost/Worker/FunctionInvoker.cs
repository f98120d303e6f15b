using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Outputs;
using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Worker;

/// <summary>
/// Runs one invocation for a trigger: sends it to the worker, applies the outputs only when it succeeded, and logs
/// start and end as the host does (function, invocation id, outcome; never the data).
/// </summary>
public sealed class FunctionInvoker(WorkerSupervisor workers, OutputBinder outputs, ILogger logger)
{
    public Task<InvocationOutcome> InvokeAsync(FunctionDefinition function, InvocationRequest request, CancellationToken cancellationToken) =>
        InvokeAsync(function, request, CancellationToken.None, cancellationToken);

    /// <summary>
    /// The same, for a caller that may go away (an HTTP client): then the worker is asked to cancel, and the outcome is
    /// still awaited, logged and its outputs written (<see cref="WorkerSupervisor.InvokeAsync(InvocationRequest, CancellationToken, CancellationToken)"/>).
    /// </summary>
    public async Task<InvocationOutcome> InvokeAsync(FunctionDefinition function, InvocationRequest request, CancellationToken callerGone, CancellationToken cancellationToken)
    {
        logger.LogInformation("Executing {Function} ({InvocationId})", function.Name, request.InvocationId);
        var outcome = await workers.InvokeAsync(request, callerGone, cancellationToken).ConfigureAwait(false);
        if (outcome.Succeeded)
        {
            try
            {
                await outputs.WriteAsync(function, request, outcome.Response!, cancellationToken).ConfigureAwait(false);
            }
            // Any failure, storage down included, fails the invocation so its trigger retries it; only stopping is thrown.
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                outcome = InvocationOutcome.Failed($"Writing the outputs failed: {Triggers.StorageErrors.Describe(e)}");
            }
        }
        if (outcome.Succeeded) logger.LogInformation("Executed {Function} ({InvocationId}): Succeeded", function.Name, request.InvocationId);
        else logger.LogWarning("Executed {Function} ({InvocationId}): Failed: {Reason}", function.Name, request.InvocationId, outcome.Error);
        return outcome;
    }
}
