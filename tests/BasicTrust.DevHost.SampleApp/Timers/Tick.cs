using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.DevHost.SampleApp.Timers;

/// <summary>A timer whose schedule is an app setting (<c>%TickSchedule%</c>); each run names its occurrence.</summary>
public sealed class Tick
{
    [Function(nameof(Tick))]
    [QueueOutput("ticks", Connection = "PipelineStorage")]
    public static string Run([TimerTrigger("%TickSchedule%")] TimerInfo timer) =>
        timer.ScheduleStatus?.Last.ToUniversalTime().ToString("O") ?? "no-status";
}
