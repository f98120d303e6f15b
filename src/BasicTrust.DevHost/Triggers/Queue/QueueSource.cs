using Azure.Storage.Queues.Models;
using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Worker;

namespace BasicTrust.DevHost.Triggers.Queue;

/// <summary>
/// A queue a <see cref="QueueListener"/> serves: its name for the log, where it is, the settings it runs by, what
/// handles one message (its decoded text), and where a message goes once it failed <c>maxDequeueCount</c> times.
/// </summary>
public sealed record QueueSource(string Name, string Connection, string QueueName, QueueSettings Settings,
    Func<QueueMessage, string, CancellationToken, Task<InvocationOutcome>> Handle,
    Func<string, (string Connection, string Queue)> PoisonFor);
