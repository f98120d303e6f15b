using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Triggers.Timer;

/// <summary>
/// The invocation for a timer tick: the TimerInfo JSON the Timer extension sends (schedule status with the
/// occurrence being run as Last and the one after it as Next), and no metadata.
/// </summary>
public static class TimerTriggerData
{
    public sealed record TimerInfo(ScheduleInfo Schedule, ScheduleStatus ScheduleStatus, bool IsPastDue);
    public sealed record ScheduleInfo(bool AdjustForDST);
    public sealed record ScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);

    public static InvocationRequest Request(FunctionDefinition function, DateTimeOffset occurrence, DateTimeOffset next, DateTimeOffset now)
    {
        var request = Invocations.New(function.Id);
        var info = new TimerInfo(new ScheduleInfo(AdjustForDST: true), new ScheduleStatus(occurrence, next, now), IsPastDue: false);
        request.InputData.Add(new ParameterBinding { Name = function.Trigger.Name, Data = TypedDataValues.Json(info) });
        return request;
    }
}
