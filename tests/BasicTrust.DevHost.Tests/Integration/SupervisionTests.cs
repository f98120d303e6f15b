using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using BasicTrust.DevHost.Rpc;
using BasicTrust.DevHost.Worker;

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
        // The worker got the InvocationCancel and has a grace period to honour it before it is killed.
        Assert.False(Process.GetProcessById(first).HasExited, "killed without a grace period");

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

    [Fact]
    public async Task StreamLost_WhileTheProcessLives_IsRestarted()
    {
        await Azurite.ResetAsync();
        await using var host = await TestHost.StartAsync();
        var first = host.Host.WorkerProcessId;

        host.Host.Workers.Current!.Channel.Close();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((host.Host.WorkerProcessId == first || host.Host.WorkerProcessId == 0) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(await host.Host.FireTimerAsync("Tick"), host.Log.ToString());
        Assert.Contains(host.Log.Lines, l => l.Contains("stream ended", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stop_MidInvocation_CancelsIt_AndReleasesTheMessageAtOnce()
    {
        await Azurite.ResetAsync();
        var cancels = new ConcurrentQueue<string>();
        var host = await TestHost.StartAsync(transcript: (_, m) =>
        {
            if (m.ContentCase == StreamingMessage.ContentOneofCase.InvocationCancel) cancels.Enqueue(m.InvocationCancel.InvocationId);
        });
        await Azurite.SendAsync("clip-jobs", """{"CaseId":"k1","SessionId":"s1","Index":0,"DelayMs":30000}""");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!host.Log.Lines.Any(l => l.Contains("Executing CutClip", StringComparison.Ordinal)) && DateTime.UtcNow < deadline) await Task.Delay(50);

        await host.DisposeAsync();

        // Back within seconds, not after the 10-minute lease.
        Assert.Single(await Azurite.ReceiveAsync("clip-jobs", 1, TimeSpan.FromSeconds(3)));
        Assert.Single(cancels);
    }

    [Fact]
    public async Task WorkerGoneForGood_HostStops_MessagesAreNotPoisoned_AndHttpIs503()
    {
        await Azurite.ResetAsync();
        using var app = Repository.SampleAppWith(_ => { });
        await using var host = await TestHost.StartAsync(app.Path);
        // The next worker cannot start, so the supervisor gives up after this one dies.
        File.Delete(Path.Combine(app.Path, "BasicTrust.DevHost.SampleApp.dll"));

        Process.GetProcessById(host.Host.WorkerProcessId).Kill(entireProcessTree: true);
        await Azurite.SendAsync("clip-jobs", """{"CaseId":"k1","SessionId":"s1","Index":0}""");

        await Assert.ThrowsAsync<WorkerUnavailableException>(() => host.Host.WaitForShutdownAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        using var response = await host.Api().GetAsync("sessions/c1/s2");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Single(await Azurite.ReceiveAsync("clip-jobs", 1, TimeSpan.FromSeconds(3)));
        Assert.Empty(await Azurite.ReceiveAsync("clip-jobs-poison", 1, TimeSpan.Zero));
    }
}
