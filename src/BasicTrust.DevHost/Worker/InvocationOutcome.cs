using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Worker;

/// <summary>The outcome of one invocation: the worker's response when it succeeded, the reason when it did not.</summary>
public sealed record InvocationOutcome(bool Succeeded, InvocationResponse? Response, string? Error)
{
    public static InvocationOutcome Failed(string error) => new(false, null, error);

    public static InvocationOutcome From(InvocationResponse response) =>
        response.Result.Status == StatusResult.Types.Status.Success
            ? new(true, response, null)
            : new(false, response, response.Result.Exception is { } e ? $"{e.Type}: {e.Message}" : response.Result.Status.ToString());
}
