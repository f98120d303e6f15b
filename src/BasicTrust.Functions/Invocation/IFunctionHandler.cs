namespace BasicTrust.Functions.Invocation;

/// <summary>One function's handler: decode the invocation, call one service, return the outputs.</summary>
public interface IFunctionHandler
{
    /// <summary>Handles one invocation. Throwing fails it, so the trigger's retry rules apply.</summary>
    Task<InvocationResult> HandleAsync(InvocationRequest request, CancellationToken cancellationToken);
}
