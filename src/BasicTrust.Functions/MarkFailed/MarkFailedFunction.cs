using BasicTrust.Functions.Invocation;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.MarkFailed;

/// <summary>
/// Queue trigger on the poison queues (<c>clip-jobs-poison</c>, and <c>reel-jobs-poison</c> through the
/// MarkReelFailed folder, which uses this same handler): the session is marked failed with the reason.
/// </summary>
public sealed class MarkFailedFunction(Failures failures) : IFunctionHandler
{
    public async Task<InvocationResult> HandleAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        await failures.MarkAsync(request.DataText("message"), cancellationToken);
        return InvocationResult.Log("poison message handled");
    }
}
