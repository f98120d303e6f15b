using BasicTrust.Functions.Invocation;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Sweep;

/// <summary>Timer trigger (every two minutes): repairs stuck sessions and removes superseded outputs.</summary>
public sealed class SweepFunction(Sweeper sweeper) : IFunctionHandler
{
    public async Task<InvocationResult> HandleAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var result = await sweeper.SweepAsync(cancellationToken);
        return InvocationResult.Log($"sweep: {result.ClipJobs.Count} clip jobs, {result.ReelJobs.Count} reel jobs, {result.Removed} removed")
            .Send("clipJobs", result.ClipJobs).Send("reelJobs", result.ReelJobs);
    }
}
