namespace BasicTrust.DevHost.Tests.Integration;

/// <summary>The DevHost starts the real worker, completes the handshake and loads every function.</summary>
[Collection("storage")]
public class HandshakeTests
{
    [Fact]
    public async Task Start_SampleApp_LoadsEveryFunctionFromTheWorker()
    {
        await Azurite.ResetAsync();
        await using var host = await TestHost.StartAsync();

        string[] conformance = ["ConfArray", "ConfBinaryData", "ConfBindingData", "ConfBlobClientWithExpression", "ConfCancelHandled", "ConfCancelIgnored",
            "ConfCancelNotUsed", "ConfEnvironment", "ConfIdOutput", "ConfList", "ConfMetadata", "ConfParallelBlobs", "ConfPoco", "ConfQueueMessage",
            "ConfString", "ConfTimer"];
        Assert.Equal([.. conformance, "CutClip", "EventPlan", "GetSession", "Hang", "MarkFailed", "PlanSession", "Raw", "Sweep", "Tick", "Upload"],
            host.Host.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.True(host.Host.WorkerProcessId > 0);
        Assert.Equal("*/1 * * * * *", host.Host.Functions.Single(f => f.Name == "Tick").Trigger["schedule"]); // %TickSchedule% resolved
        Assert.DoesNotContain(host.Log.Lines, l => l.Contains("failed to load", StringComparison.Ordinal));
    }
}
