using System.Text.Json.Nodes;
using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Handler;

namespace BasicTrust.DevHost.Triggers;

/// <summary>A timer trigger: invokes the function at each time its schedule gives, with the host's timer info object in Data.</summary>
public sealed class TimerListener(FunctionDefinition function, Invoker invoker, OutputBinder outputs, TimeProvider clock, ILogger logger)
{
    readonly CronSchedule _schedule = CronSchedule.Parse(function.Trigger["schedule"]!);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = _schedule.Next(clock.GetUtcNow());
            await Task.Delay(next - clock.GetUtcNow(), clock, cancellationToken).ConfigureAwait(false);
            await FireAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the function once now (the host's admin endpoint does the same).</summary>
    public async Task<bool> FireAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var data = new JsonObject
        {
            [function.Trigger.Name] = new JsonObject
            {
                ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                ["ScheduleStatus"] = new JsonObject { ["Last"] = now.ToString("O"), ["Next"] = _schedule.Next(now).ToString("O"), ["LastUpdated"] = now.ToString("O") },
                ["IsPastDue"] = false,
            },
        };
        var outcome = await invoker.InvokeAsync(function.Name, data, [], cancellationToken).ConfigureAwait(false);
        if (outcome.Succeeded) await outputs.WriteAsync(function, outcome.Outputs, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        else logger.LogWarning("{Function}: timer run failed: {Reason}", function.Name, outcome.Error);
        return outcome.Succeeded;
    }
}
