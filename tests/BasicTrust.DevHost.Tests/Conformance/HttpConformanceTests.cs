namespace BasicTrust.DevHost.Tests.Conformance;

/// <summary>
/// The worker repository's HTTP cancellation cases on the DevHost: the caller goes away once the function has started;
/// the worker is asked to cancel, and the host still waits for its outcome, logs it and writes its outputs.
/// </summary>
[Collection("storage")]
public class HttpConformanceTests(ConformanceHost fixture) : IClassFixture<ConformanceHost>
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    TestHost Host => fixture.Host;

    [Theory]
    [InlineData("not-used", "ConfCancelNotUsed", "Succeeded", "Conformance: work completed")]
    [InlineData("ignored", "ConfCancelIgnored", "Failed", "")]
    [InlineData("handled", "ConfCancelHandled", "Succeeded", "Conformance: request was cancelled")]
    public async Task CallerGoesAway_TheOutcomeIsStillAwaitedAndLogged(string route, string function, string outcome, string workerSays)
    {
        var tag = Guid.NewGuid().ToString("N");
        var started = Host.Log.Lines.Count(l => l.Contains("Conformance: work started", StringComparison.Ordinal));
        using var api = Host.Api(withKey: false);
        using var caller = new CancellationTokenSource();
        var call = api.GetAsync($"conformance/{route}?tag={tag}", caller.Token);

        Assert.True(await Host.Log.WaitForAsync(_ => Host.Log.Lines.Count(l => l.Contains("Conformance: work started", StringComparison.Ordinal)) > started, Patience) is not null,
            Host.Log.ToString());
        await caller.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        // Each function runs once in this class: its Executed line is this call's.
        var executed = await Host.Log.WaitForAsync(l => l.Contains($"Executed {function} (", StringComparison.Ordinal), Patience);
        Assert.True(executed is not null, Host.Log.ToString());
        Assert.Contains($": {outcome}", executed);
        if (workerSays.Length > 0) Assert.Contains(Host.Log.Lines, l => l.Contains(workerSays, StringComparison.Ordinal));
        if (function == "ConfCancelHandled")
            Assert.Equal([$"cancelled {tag}"], await Azurite.ReceiveMatchingAsync("conf-cancelled-out", m => m.Contains(tag, StringComparison.Ordinal), 1, Patience));
    }

    [Fact]
    public async Task Worker_RunsAsProduction_AsInAzure()
    {
        using var api = Host.Api(withKey: false);
        Assert.Equal("Production", await api.GetStringAsync("conformance/environment"));
    }
}
