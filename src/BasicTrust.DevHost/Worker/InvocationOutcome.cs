using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Worker;

/// <summary>The outcome of one invocation: the worker's response when it succeeded, the reason when it did not.</summary>
public sealed record InvocationOutcome(bool Succeeded, InvocationResponse? Response, string? Error)
{
    /// <summary>
    /// No worker could take the invocation (the host gave up on it, or is stopping): not an attempt, so a trigger
    /// releases its item untouched instead of counting a failure.
    /// </summary>
    public bool WorkerUnavailable { get; init; }

    public static InvocationOutcome Failed(string error) => new(false, null, error);

    public static InvocationOutcome Unavailable(string error) => new(false, null, error) { WorkerUnavailable = true };

    public static InvocationOutcome From(InvocationResponse response) =>
        response.Result.Status == StatusResult.Types.Status.Success
            ? new(true, response, null)
            : new(false, response, response.Result.Exception is { } e ? $"{e.Type}: {e.Message}" : response.Result.Status.ToString());
}
