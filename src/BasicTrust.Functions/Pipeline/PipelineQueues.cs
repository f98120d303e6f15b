using System.Runtime.CompilerServices;
using Azure.Storage.Queues;

namespace BasicTrust.Functions.Pipeline;

/// <summary>The pipeline's queues on the app's storage connection, read as raw wire text (see <see cref="QueueText"/>).</summary>
public sealed class PipelineQueues(QueueServiceClient service)
{
    /// <summary>Every queue a case can leave messages in.</summary>
    public static readonly IReadOnlyList<string> All = ["clip-jobs", "clip-jobs-poison", "reel-jobs", "reel-jobs-poison", "reels-ready"];

    /// <summary>The pipeline's queues that exist, with the poison queues the host made of them; none is created.</summary>
    public async IAsyncEnumerable<QueueClient> ExistingAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var queue in service.GetQueuesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            if (All.Any(name => queue.Name == name || queue.Name.StartsWith(name + "-poison", StringComparison.Ordinal)))
                yield return service.GetQueueClient(queue.Name);
    }

    /// <summary>A message's text: base64 decoded as the host writes it, or as it is when it is not base64.</summary>
    public static string QueueText(string wire)
    {
        var buffer = new byte[wire.Length];
        return Convert.TryFromBase64String(wire, buffer, out var length) ? System.Text.Encoding.UTF8.GetString(buffer, 0, length) : wire;
    }
}
