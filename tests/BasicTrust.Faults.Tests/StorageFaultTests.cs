using Xunit.Abstractions;

namespace BasicTrust.Faults.Tests;

/// <summary>
/// Storage misbehaves on a share of all requests (the DevHost's, the worker's, and the worker's recording relay's,
/// which reads ranges through the SDK): every session still ends ready with one reel and one announcement.
/// </summary>
public class StorageFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ResetsErrorsSlowAndTruncatedResponses_OnTenPercentOfRequests_EverySessionEndsReadyOnce()
    {
        var faults = new FaultPlan(seed: 20261130, rate: 0.10);
        await using var stack = await FaultStack.StartAsync(output, faults);

        var sessions = await stack.UploadSessionsAsync(3, "flaky");
        var outcomes = await stack.WaitForOutcomesAsync(sessions);

        await Invariants.AssertAllReadyAsync(stack, outcomes, nameof(StorageFaultTests));
        Assert.True(faults.Total > 0, faults.ToString());
    }
}
