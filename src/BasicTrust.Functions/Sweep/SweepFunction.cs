using BasicTrust.Functions.Pipeline;
using BasicTrust.Storage;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.Functions.Sweep;

/// <summary>Every two minutes: repairs stuck sessions and removes superseded plans' outputs.</summary>
public sealed class SweepFunction(Sweeper sweeper)
{
    [Function("Sweep")]
    public async Task<SweepOutputs> RunAsync([TimerTrigger("0 */2 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var result = await sweeper.SweepAsync(cancellationToken);
        return new SweepOutputs { ClipJobs = [.. result.ClipJobs], ReelJobs = [.. result.ReelJobs] };
    }
}
