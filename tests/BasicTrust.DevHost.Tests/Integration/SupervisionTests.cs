using System.Diagnostics;

namespace BasicTrust.DevHost.Tests.Integration;

/// <summary>The worker under supervision: functionTimeout, a crash mid-invocation, and a clean stop.</summary>
[Collection("storage")]
public class SupervisionTests
{
    [Fact]
    public async Task FunctionTimeout_FailsTheInvocation_AndRestartsTheWorker()
    {
        await Azurite.ResetAsync();
        using var app = Repository.SampleAppWith(h => h["functionTimeout"] = "00:00:01");
        await using var host = await TestHost.StartAsync(app.Path);
        var first = host.Host.WorkerProcessId;

        Assert.False(await host.Host.FireTimerAsync("Hang"));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((host.Host.WorkerProcessId == first || host.Host.WorkerProcessId == 0) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.NotEqual(first, host.Host.WorkerProcessId);
        Assert.True(await host.Host.FireTimerAsync("Tick"), host.Log.ToString()); // the new worker serves
        Assert.Contains(host.Log.Lines, l => l.Contains("exceeded functionTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WorkerKilledMidInvocation_IsRestarted_AndTheMessageRetried()
    {
        await Azurite.ResetAsync();
        await using var host = await TestHost.StartAsync();
        var first = host.Host.WorkerProcessId;

        await Azurite.SendAsync("clip-jobs", """{"CaseId":"k1","SessionId":"s1","Index":0,"DelayMs":30000}""");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!host.Log.Lines.Any(l => l.Contains("Executing CutClip", StringComparison.Ordinal)) && DateTime.UtcNow < deadline) await Task.Delay(50);
        Process.GetProcessById(first).Kill(entireProcessTree: true);

        var done = await Azurite.ReceiveAsync("reel-jobs", 1, TimeSpan.FromSeconds(20));
        Assert.True(done.Count == 1, host.Log.ToString());
        Assert.NotEqual(first, host.Host.WorkerProcessId);
    }

    [Fact]
    public async Task Dispose_StopsTheWorker()
    {
        var host = await TestHost.StartAsync();
        var worker = Process.GetProcessById(host.Host.WorkerProcessId);

        await host.DisposeAsync();

        Assert.True(worker.HasExited);
    }
}
