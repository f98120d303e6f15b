using System.Text.Json;

namespace BasicTrust.DevHost.Tests.Integration;

/// <summary>Queue triggers against Azurite: typed messages, array outputs, retries and the poison queue.</summary>
[Collection("storage")]
public class QueueTriggerTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ClipJob_ReturnsAnArray_OneBase64MessagePerElement()
    {
        await Azurite.ResetAsync();
        await using var host = await TestHost.StartAsync();

        await Azurite.SendAsync("clip-jobs", """{"CaseId":"c1","SessionId":"s1","Index":4,"Parts":2}""");
        var parts = await Azurite.ReceiveAsync("reel-jobs", 2, Patience);

        Assert.True(parts.Count == 2, host.Log.ToString());
        Assert.Equal([1, 2], parts.Select(p => JsonDocument.Parse(p).RootElement.GetProperty("Part").GetInt32()).Order());
        Assert.All(parts, p => Assert.Equal("c1", JsonDocument.Parse(p).RootElement.GetProperty("CaseId").GetString()));
    }

    [Fact]
    public async Task OutputMessages_AreBase64OnTheWire()
    {
        await Azurite.ResetAsync();
        await using var host = await TestHost.StartAsync();

        await Azurite.SendAsync("clip-jobs", """{"CaseId":"c2","SessionId":"s1","Index":0}""");
        var deadline = DateTime.UtcNow + Patience;
        List<string> raw;
        while ((raw = await Azurite.PeekRawAsync("reel-jobs")).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(100);

        var wire = Assert.Single(raw);
        Assert.StartsWith("{\"CaseId\":\"c2\"", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(wire)));
    }

    [Fact]
    public async Task FailingJob_IsRetriedThenPoisoned_AndThePoisonTriggerRuns()
    {
        await Azurite.ResetAsync();
        await using var host = await TestHost.StartAsync();

        await Azurite.SendAsync("clip-jobs", """{"CaseId":"c3","SessionId":"s9","Index":2,"Fail":true}""");
        var failed = await Azurite.ReceiveAsync("failed-jobs", 1, Patience);

        Assert.True(failed.Count == 1, host.Log.ToString());
        Assert.Equal("c3/s9#2", failed[0]);
        // maxDequeueCount is 3 in the sample's host.json: three attempts, then the poison queue.
        Assert.Equal(3, host.Log.Lines.Count(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("CutClip: attempt", StringComparison.Ordinal)));
    }
}
