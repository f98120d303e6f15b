using Azure.Storage.Queues;

namespace BasicTrust.Functions.Pipeline;

/// <summary>The pipeline's queues, on the app's storage connection (base64 messages, as host.json says).</summary>
public sealed class PipelineQueues(QueueServiceClient service)
{
    /// <summary>Every queue a case can leave messages in.</summary>
    public static readonly IReadOnlyList<string> All = ["clip-jobs", "clip-jobs-poison", "reel-jobs", "reel-jobs-poison", "reels-ready"];

    public QueueClient Get(string name) => service.GetQueueClient(name);
}
