using Azure.Core;
using BasicTrust.Storage.Queues;

namespace BasicTrust.Functions.Pipeline;

/// <summary>Clients for the pipeline's queues, with host.json's message encoding (base64).</summary>
public sealed class PipelineQueues(StorageOptions options, IServiceProvider services)
{
    /// <summary>Every queue a case can leave messages in.</summary>
    public static readonly IReadOnlyList<string> All = ["clip-jobs", "clip-jobs-poison", "reel-jobs", "reel-jobs-poison", "reels-ready"];

    static readonly QueueClientOptions Base64 = new() { MessageEncoding = QueueMessageEncoding.Base64 };

    public QueueClient Get(string name) => options.ConnectionString is { Length: > 0 } connection
        ? new QueueClient(connection, name, Base64)
        : new QueueClient(new Uri(options.QueueServiceUri!, name), services.GetRequiredService<TokenCredential>(), Base64);
}
