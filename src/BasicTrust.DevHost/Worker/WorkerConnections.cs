using System.Collections.Concurrent;

namespace BasicTrust.DevHost.Worker;

/// <summary>
/// Where a newly opened EventStream finds the channel waiting for it: the host registers a channel under the
/// worker id it gave the process; the worker's StartStream names that id.
/// </summary>
public sealed class WorkerConnections
{
    readonly ConcurrentDictionary<string, WorkerChannel> _expected = new();

    public void Expect(WorkerChannel channel) => _expected[channel.WorkerId] = channel;

    public void Forget(WorkerChannel channel) => _expected.TryRemove(new KeyValuePair<string, WorkerChannel>(channel.WorkerId, channel));

    public WorkerChannel? Claim(string workerId) => _expected.TryRemove(workerId, out var channel) ? channel : null;
}
