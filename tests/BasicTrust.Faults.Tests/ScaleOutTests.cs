using Xunit.Abstractions;

namespace BasicTrust.Faults.Tests;

/// <summary>Two DevHosts on one storage, as two instances of the app: they race for every blob and message.</summary>
public class ScaleOutTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoDevHostsOnOneStorage_EverySessionGetsOneReelAndOneAnnouncement()
    {
        await using var stack = await FaultStack.StartAsync(output, hosts: 2);

        var sessions = await stack.UploadSessionsAsync(3, "scaled");
        var outcomes = await stack.WaitForOutcomesAsync(sessions);

        await Invariants.AssertAllReadyAsync(stack, outcomes, nameof(ScaleOutTests));
        var executed = stack.Log.Lines.Count(l => l.Contains("Executing CutClip", StringComparison.Ordinal));
        stack.Output.WriteLine($"{executed} CutClip invocations for {outcomes.Values.Sum(s => (int)s["clipsTotal"]!)} clips across two hosts");
    }
}
