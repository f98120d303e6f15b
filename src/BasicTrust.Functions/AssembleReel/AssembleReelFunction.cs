using BasicTrust.Functions.Invocation;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.AssembleReel;

/// <summary>Queue trigger on <c>reel-jobs</c>: builds the reel and announces it on <c>reels-ready</c>.</summary>
public sealed class AssembleReelFunction(ReelAssembly assembly) : IFunctionHandler
{
    public async Task<InvocationResult> HandleAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var job = Messages.Read<ReelJob>(request.DataText("job"));
        var ready = await assembly.AssembleAsync(job, cancellationToken);
        return InvocationResult.Log($"reel {job.PlanId} {(ready is null ? "skipped" : "ready")}").Send("reelsReady", ready is null ? [] : new[] { ready });
    }
}
