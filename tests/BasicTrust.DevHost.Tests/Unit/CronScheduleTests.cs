using BasicTrust.DevHost.Triggers.Timer;

namespace BasicTrust.DevHost.Tests.Unit;

public class CronScheduleTests
{
    static readonly DateTimeOffset At = new(2026, 11, 23, 10, 7, 30, TimeSpan.Zero);

    [Theory]
    [InlineData("0 */2 * * * *", "2026-11-23T10:08:00")]
    [InlineData("*/5 * * * * *", "2026-11-23T10:07:35")]
    [InlineData("0 0 3 * * *", "2026-11-24T03:00:00")]
    [InlineData("0 30 9 * * 1-5", "2026-11-24T09:30:00")]
    [InlineData("0 0 0 1 1 *", "2027-01-01T00:00:00")]
    [InlineData("15,45 * * * * *", "2026-11-23T10:07:45")]
    public void Next_GivesTheFirstMatchingSecondAfter(string schedule, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected + "+00:00", System.Globalization.CultureInfo.InvariantCulture), CronSchedule.Parse(schedule).Next(At));

    [Theory]
    [InlineData("* * * * *")]
    [InlineData("60 * * * * *")]
    [InlineData("*/0 * * * * *")]
    [InlineData("a * * * * *")]
    public void Parse_Invalid_SaysWhy(string schedule) =>
        Assert.Contains(schedule, Assert.Throws<FormatException>(() => CronSchedule.Parse(schedule)).Message);
}

public class TimerOccurrenceTests
{
    static readonly DateTimeOffset Fired = new(2026, 11, 23, 10, 7, 35, TimeSpan.Zero);

    [Fact]
    public void NextOccurrence_DelayWokeEarly_IsNotTheOneJustFired() =>
        Assert.Equal(Fired.AddSeconds(5), TimerListener.NextOccurrence(CronSchedule.Parse("*/5 * * * * *"), Fired.AddTicks(-5_000), Fired));

    [Fact]
    public void NextOccurrence_FirstWait_IsAfterNow() =>
        Assert.Equal(Fired, TimerListener.NextOccurrence(CronSchedule.Parse("*/5 * * * * *"), Fired.AddSeconds(-2), null));
}
