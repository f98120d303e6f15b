using BasicTrust.Functions.Invocation;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.CutClip;

/// <summary>Queue trigger on <c>clip-jobs</c>: one clip per message.</summary>
public sealed class CutClipFunction(ClipCutting cutting) : IFunctionHandler
{
    public async Task<InvocationResult> HandleAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var job = Messages.Read<ClipJob>(request.DataText("job"));
        var reel = await cutting.CutAsync(job, isRetry: request.MetadataNumber("DequeueCount") > 1, cancellationToken);
        return InvocationResult.Log($"clip {job.ClipId} done").Send("reelJobs", reel is null ? [] : new[] { reel });
    }
}
