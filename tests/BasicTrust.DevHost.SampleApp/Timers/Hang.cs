using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.DevHost.SampleApp.Timers;

/// <summary>Never finishes on its own (its schedule is once a year): tests fire it to see functionTimeout at work.</summary>
public sealed class Hang
{
    [Function(nameof(Hang))]
    public static Task Run([TimerTrigger("0 0 0 1 1 *")] TimerInfo timer) =>
        // Ignores cancellation on purpose: the host must fail it and restart the worker.
        Task.Delay(Timeout.Infinite, CancellationToken.None);
}
