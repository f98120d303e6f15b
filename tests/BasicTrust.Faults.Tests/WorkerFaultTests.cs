using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace BasicTrust.Faults.Tests;

/// <summary>The worker dies or hangs in the middle of a cut: the DevHost replaces it, the message is retried.</summary>
public class WorkerFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WorkerKilledMidCut_ThreeTimesInARow_EverySessionEndsReadyOnce()
    {
        await using var stack = await FaultStack.StartAsync(output);
        var sessions = await stack.UploadSessionsAsync(2, "killed");
        var kills = 0;

        var outcomes = await stack.WaitForOutcomesAsync(sessions, async () =>
        {
            // Kill only cuts: once every session is planned (a kill during PlanSession counts as a failed blob attempt).
            if (kills == 3 || !await AllPlannedAsync(stack, sessions)) return;
            var worker = stack.Hosts[0].WorkerProcessId;
            if (worker == 0 || await ChildAsync(worker, "ffmpeg", TimeSpan.FromSeconds(20)) == 0) return;
            // The whole tree, as when an instance dies: FFmpeg goes with its worker.
            Process.GetProcessById(worker).Kill(entireProcessTree: true);
            kills++;
            stack.Output.WriteLine($"kill {kills}: worker {worker} killed while FFmpeg was cutting");
            await WaitForNewWorkerAsync(stack, worker);
        });

        Assert.Equal(3, kills);
        await Invariants.AssertAllReadyAsync(stack, outcomes, nameof(WorkerKilledMidCut_ThreeTimesInARow_EverySessionEndsReadyOnce));
    }

    /// <summary>
    /// functionTimeout is 15 s; the proxy holds the first range read of the recording after planning for 30 s, so the
    /// first cut (and only that one) runs past it: deterministic, whatever the machine's speed.
    /// </summary>
    [Fact]
    public async Task CutRunsPastFunctionTimeoutOnce_WorkerIsReplaced_AndTheSessionEndsReadyOnce()
    {
        var faults = new FaultPlan(seed: 1, rate: 0);
        await using var stack = await FaultStack.StartAsync(output, faults, hostJson: h => h["functionTimeout"] = "00:00:15");
        var first = stack.Hosts[0].WorkerProcessId;
        var sessions = await stack.UploadSessionsAsync(1, "timeout");
        var armed = false;

        var outcomes = await stack.WaitForOutcomesAsync(sessions, async () =>
        {
            // Armed once the session is planned and its recording was checked for a preview: the stalled read is then a
            // clip's cut, not the preview check's probe (blob events may run that check after the plan).
            if (armed || (await stack.StatusAsync(sessions[0]))?["planId"] is null
                || !(await stack.Blobs.GetBlobContainerClient("pipeline").GetBlobClient($"{sessions[0].CaseId}/{sessions[0].SessionId}/preview.json").ExistsAsync()).Value) return;
            armed = true;
            faults.StallNext(r => r.Method == "GET" && r.Path.Value!.Contains("/recordings/", StringComparison.Ordinal) && r.Headers.ContainsKey("x-ms-range"), TimeSpan.FromSeconds(30));
        });

        Assert.Equal(1, faults.Injected.GetValueOrDefault(FaultKind.Stall));
        Assert.Contains(stack.Log.Lines, l => l.Contains("exceeded functionTimeout", StringComparison.Ordinal));
        Assert.NotEqual(first, stack.Hosts[0].WorkerProcessId);
        await Invariants.AssertAllReadyAsync(stack, outcomes, nameof(CutRunsPastFunctionTimeoutOnce_WorkerIsReplaced_AndTheSessionEndsReadyOnce));
    }

    [Fact]
    public async Task WorkerKilledMidCut_LeavesNoWorkFolderBehind()
    {
        await using var stack = await FaultStack.StartAsync(output);
        var sessions = await stack.UploadSessionsAsync(1, "leftover");
        var killed = false;

        var outcomes = await stack.WaitForOutcomesAsync(sessions, async () =>
        {
            if (killed || stack.Hosts[0].WorkerProcessId is not (> 0 and var worker) || await ChildAsync(worker, "ffmpeg", TimeSpan.FromSeconds(20)) == 0) return;
            Process.GetProcessById(worker).Kill(entireProcessTree: true);
            killed = true;
            await WaitForNewWorkerAsync(stack, worker);
        });

        Assert.True(killed);
        await Invariants.AssertAllReadyAsync(stack, outcomes, nameof(WorkerKilledMidCut_LeavesNoWorkFolderBehind));
    }

    static async Task<bool> AllPlannedAsync(FaultStack stack, IReadOnlyList<Session> sessions)
    {
        foreach (var s in sessions)
            if ((await stack.StatusAsync(s))?["planId"] is null) return false;
        return true;
    }

    static async Task WaitForNewWorkerAsync(FaultStack stack, int old)
    {
        var clock = Stopwatch.StartNew();
        while (stack.Hosts[0].WorkerProcessId is var pid && (pid == old || pid == 0))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "No new worker after the kill.");
            await Task.Delay(50);
        }
    }

    /// <summary>Polls /proc for a child of <paramref name="parent"/> named <paramref name="name"/>; its pid, or 0.</summary>
    static async Task<int> ChildAsync(int parent, string name, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            try
            {
                foreach (var task in Directory.EnumerateDirectories($"/proc/{parent}/task"))
                    foreach (var child in (await File.ReadAllTextAsync(Path.Combine(task, "children"))).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        if ((await ReadAsync($"/proc/{child}/comm")).Trim() == name) return int.Parse(child, CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return 0; // the worker is gone
            }
            await Task.Delay(10);
        }
        return 0;
    }

    static async Task<string> ReadAsync(string path)
    {
        try { return await File.ReadAllTextAsync(path); }
        catch (IOException) { return ""; }
    }
}
