using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace BasicTrust.DevHost.SampleApp.Timers;

/// <summary>The real app's timer shape: every two minutes, no outputs.</summary>
public sealed class Sweep(ILogger<Sweep> logger)
{
    [Function(nameof(Sweep))]
    public void Run([TimerTrigger("0 */2 * * * *")] TimerInfo timer) =>
        logger.LogInformation("Sweep ran; past due: {PastDue}", timer.IsPastDue);
}
