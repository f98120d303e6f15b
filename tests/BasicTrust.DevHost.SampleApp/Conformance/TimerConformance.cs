using System.Text.Json;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.DevHost.SampleApp.Conformance;

/// <summary>A timer bound to <see cref="TimerInfo"/>: what the worker made of it, as JSON.</summary>
public sealed class TimerConformance
{
    [Function("ConfTimer")]
    [QueueOutput("conf-timer-out", Connection = "PipelineStorage")]
    public static string Run([TimerTrigger("0 0 0 1 1 *")] TimerInfo timer) => JsonSerializer.Serialize(timer);
}
