namespace BasicTrust.DevHost.Tests.Integration;

/// <summary>Timer triggers: fired by hand, and on their schedule.</summary>
[Collection("storage")]
public class TimerTriggerTests
{
    [Fact]
    public async Task FireTimer_RunsTheFunctionWithTimerInfo()
    {
        await Azurite.ResetAsync();
        await using var host = await TestHost.StartAsync();

        Assert.True(await host.Host.FireTimerAsync("Tick"));
        var tick = Assert.Single(await Azurite.ReceiveAsync("ticks", 1, TimeSpan.FromSeconds(5)));
        Assert.True(DateTimeOffset.TryParse(tick, out var last) && DateTimeOffset.UtcNow - last < TimeSpan.FromMinutes(1), tick);
    }

    [Fact]
    public async Task FireTimer_NotATimer_IsRefused()
    {
        await Azurite.ResetAsync();
        await using var host = await TestHost.StartAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => host.Host.FireTimerAsync("CutClip"));
    }
}
