namespace BasicTrust.DevHost.Tests.Conformance;

/// <summary>
/// One DevHost on the sample app for a class of conformance cases: each case sends its own ids and looks only for its
/// own answers, so they can share the host (and the worker start-up) one after another.
/// </summary>
public sealed class ConformanceHost : IAsyncLifetime
{
    internal TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
