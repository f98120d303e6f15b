using System.Runtime.CompilerServices;
using Azure.Storage.Queues;

namespace BasicTrust.Functions.Pipeline;

/// <summary>The pipeline's queues, on the app's storage connection (base64 messages, as host.json says).</summary>
public sealed class PipelineQueues(QueueServiceClient service)
{
    /// <summary>Every queue a case can leave messages in.</summary>
    public static readonly IReadOnlyList<string> All = ["clip-jobs", "clip-jobs-poison", "reel-jobs", "reel-jobs-poison", "reels-ready"];

    public QueueClient Get(string name) => service.GetQueueClient(name);

    /// <summary>The pipeline's queues that exist, with the poison queues the host made of them; none is created.</summary>
    public async IAsyncEnumerable<QueueClient> ExistingAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var queue in service.GetQueuesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            if (All.Any(name => queue.Name == name || queue.Name.StartsWith(name + "-poison", StringComparison.Ordinal)))
                yield return service.GetQueueClient(queue.Name);
    }
}
