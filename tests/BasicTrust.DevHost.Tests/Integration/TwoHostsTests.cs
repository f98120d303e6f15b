namespace BasicTrust.DevHost.Tests.Integration;

/// <summary>Two DevHosts on one storage behave as two instances of one app: each blob version and each tick runs once.</summary>
[Collection("storage")]
public class TwoHostsTests
{
    [Fact]
    public async Task TwoHosts_OneBlob_FiresOnce()
    {
        await Azurite.ResetAsync();
        var caseId = "t" + Guid.NewGuid().ToString("N")[..8];
        await using var a = await TestHost.StartAsync();
        await using var b = await TestHost.StartAsync();

        var container = Azurite.Blobs.GetBlobContainerClient("recordings");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{caseId}/s1/session.json").UploadAsync(BinaryData.FromString("""{"clips":1}"""));

        Assert.Single(await Azurite.ReceiveAsync($"audit-{caseId}", 1, TimeSpan.FromSeconds(20)));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Empty(await Azurite.ReceiveAsync($"audit-{caseId}", 1, TimeSpan.Zero));
    }

    [Fact]
    public async Task TwoHosts_OneTimer_EachTickRunsOnce()
    {
        await Azurite.ResetAsync();
        var a = await TestHost.StartAsync(runTimers: true);
        var b = await TestHost.StartAsync(runTimers: true);
        await Task.Delay(TimeSpan.FromSeconds(4));
        await a.DisposeAsync();
        await b.DisposeAsync();

        var ticks = await Azurite.ReceiveAsync("ticks", 100, TimeSpan.FromSeconds(1));
        Assert.True(ticks.Count >= 2, a.Log.ToString());
        Assert.Equal(ticks.Count, ticks.Distinct().Count());
    }

    [Fact]
    public async Task TwoHosts_HolderOfTheTimerStops_TheOtherTakesOver()
    {
        await Azurite.ResetAsync();
        var a = await TestHost.StartAsync(runTimers: true);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!HoldsTick(a) && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(HoldsTick(a), a.Log.ToString());
        await using var b = await TestHost.StartAsync(runTimers: true);
        Assert.False(HoldsTick(b));

        await a.DisposeAsync();
        // b takes the lock on its next try once a let it go; on a loaded machine that can take a while.
        deadline = DateTime.UtcNow.AddSeconds(30);
        while (!HoldsTick(b) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(HoldsTick(b), b.Log.ToString());
        await Azurite.ReceiveAsync("ticks", 100, TimeSpan.Zero); // what a fired

        Assert.NotEmpty(await Azurite.ReceiveAsync("ticks", 1, TimeSpan.FromSeconds(10)));
    }

    static bool HoldsTick(TestHost host) => host.Log.Lines.Any(l => l.Contains("Tick: holding the listener lock", StringComparison.Ordinal));
}
