using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace BasicTrust.Storage;

/// <summary>
/// The one place where every storage client of the app, bt and the DevHost gets its retry and transport settings,
/// so Azurite's quirks are handled once: the SDK retries 408/429/500/502/503/504 (Azurite answers some range reads
/// with 500), connection resets and timeouts, honouring <c>Retry-After</c>.
/// </summary>
public static class StorageClientDefaults
{
    // Azurite closes idle connections after 5 s: pooled ones are dropped sooner, so a request after a pause does
    // not start on a dead socket. In Azure this costs a reconnect after 3 s idle, small next to a cut. Never
    // decompress: lengths must match what storage holds.
    static readonly HttpClientTransport Transport = new(new SocketsHttpHandler
    {
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(3),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    });

    /// <summary>Five retries with exponential back-off from 0.8 s up to a minute, on the shared transport.</summary>
    public static T Apply<T>(T options) where T : ClientOptions
    {
        options.Retry.MaxRetries = 5;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromSeconds(0.8);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(60);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        options.Transport = Transport;
        return options;
    }

    /// <summary>Blob client options with the defaults above.</summary>
    public static BlobClientOptions Blobs() => Apply(new BlobClientOptions());

    /// <summary>Queue client options for the host's queues, whose messages are base64 (host.json <c>messageEncoding</c>).</summary>
    public static QueueClientOptions Queues() => Apply(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
}
