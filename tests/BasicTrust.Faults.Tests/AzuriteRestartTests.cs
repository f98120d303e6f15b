using System.Net.Http.Json;
using Xunit.Abstractions;

namespace BasicTrust.Faults.Tests;

/// <summary>Storage goes away in the middle of the sessions and comes back on the same ports with the same data.</summary>
public class AzuriteRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AzuriteStoppedWhileCutting_AndStartedAgain_EverySessionEndsReadyOnce()
    {
        await using var stack = await FaultStack.StartAsync(output);
        var sessions = await stack.UploadSessionsAsync(2, "restart");
        var restarted = false;

        var outcomes = await stack.WaitForOutcomesAsync(sessions, async () =>
        {
            if (restarted || !stack.Log.Lines.Any(l => l.Contains("Executing CutClip", StringComparison.Ordinal))) return;
            restarted = true;
            // SIGTERM: Azurite saves its state as it goes down. (SIGKILL loses the last 5 s of acknowledged writes,
            // its save interval, which real storage never does: that would test Azurite, not the app.)
            await stack.Azurite.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(8));
            await stack.Azurite.StartAgainAsync();
            stack.Output.WriteLine("Azurite stopped for 8 s while a clip was being cut, then started again");
        });

        Assert.True(restarted);
        await Invariants.AssertAllReadyAsync(stack, outcomes, nameof(AzuriteRestartTests));
    }

    [Fact]
    public async Task ApiWhileStorageStalls_Answers503WithRetryAfter_InsteadOfWaitingForIt()
    {
        var faults = new FaultPlan(seed: 1, rate: 0);
        await using var stack = await FaultStack.StartAsync(output, faults);
        // The client waits longer than the deadline, far less than storage's own timeout and retries (minutes).
        using var api = new HttpClient { BaseAddress = stack.Hosts[0].ApiBaseAddress, Timeout = TimeSpan.FromMinutes(1) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", stack.Hosts[0].DevelopmentToken(new BasicTrust.DevHost.Http.DevelopmentUser(Guid.NewGuid().ToString("D"), ["therapist"])));
        var caseId = $"stall-{Guid.NewGuid():N}"[..20];
        (await api.PostAsJsonAsync("cases", new { caseId })).EnsureSuccessStatusCode();
        faults.StallNext(r => r.Method == "GET" && r.Path.Value!.EndsWith($"/{caseId}/s-1/status.json", StringComparison.Ordinal), TimeSpan.FromMinutes(10));

        using var response = await api.GetAsync($"sessions/{caseId}/s-1"); // reads status.json, which storage holds back

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(1, faults.Injected.GetValueOrDefault(FaultKind.Stall));
    }

    [Fact]
    public async Task ApiWhileStorageIsDown_Answers503WithRetryAfter_NotA500()
    {
        await using var stack = await FaultStack.StartAsync(output);
        using var api = new HttpClient { BaseAddress = stack.Hosts[0].ApiBaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", stack.Hosts[0].DevelopmentToken(new BasicTrust.DevHost.Http.DevelopmentUser(Guid.NewGuid().ToString("D"), ["therapist"])));

        await stack.Azurite.StopAsync();
        try
        {
            using var response = await api.GetAsync("sessions/fam-1/s-1"); // reads status.json: storage is needed
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            await stack.Azurite.StartAgainAsync();
        }
    }
}
