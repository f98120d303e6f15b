using System.Collections.Concurrent;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using BasicTrust.Storage;

namespace BasicTrust.DevHost.App;

/// <summary>
/// Storage clients for a binding's <c>connection</c> (an app setting holding a connection string), and the
/// queue message encoding of host.json applied in both directions.
/// </summary>
public sealed class StorageAccounts(IReadOnlyDictionary<string, string> settings, QueueSettings queues)
{
    readonly ConcurrentDictionary<(string, string), QueueClient> _queues = new();
    readonly ConcurrentDictionary<string, BlobServiceClient> _blobs = new();
    readonly ConcurrentDictionary<string, BlobServiceClient> _renewals = new();

    public BlobServiceClient Blobs(string connection) => _blobs.GetOrAdd(connection, c => new BlobServiceClient(ConnectionString(c), StorageClientDefaults.Blobs()));

    /// <summary>A blob client for lease renewals only: one short try (see <see cref="Triggers.LeaseRenewal"/>).</summary>
    public BlobServiceClient LeaseRenewals(string connection) => _renewals.GetOrAdd(connection, c => new BlobServiceClient(ConnectionString(c), Triggers.LeaseRenewal.Options()));

    /// <summary>A queue client that sends and receives raw wire text; encoding is done by <see cref="Encode"/> and <see cref="TryDecode"/>.</summary>
    public QueueClient Queue(string connection, string name) => _queues.GetOrAdd((connection, name), k => new QueueClient(ConnectionString(k.Item1), k.Item2, StorageClientDefaults.Apply(new QueueClientOptions())));

    /// <summary>Message text as it goes on the wire under host.json's <c>messageEncoding</c>.</summary>
    public string Encode(string text) => queues.Base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;

    /// <summary>Wire text back to message text; false when it is not valid base64 (the host sends such messages straight to poison).</summary>
    public bool TryDecode(string wire, out string text)
    {
        text = wire;
        if (!queues.Base64) return true;
        var buffer = new byte[wire.Length];
        if (!Convert.TryFromBase64String(wire, buffer, out var length)) return false;
        text = Encoding.UTF8.GetString(buffer, 0, length);
        return true;
    }

    public async Task SendAsync(string connection, string queueName, string text, CancellationToken cancellationToken)
    {
        var queue = Queue(connection, queueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await queue.SendMessageAsync(Encode(text), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    string ConnectionString(string connection) =>
        settings.TryGetValue(connection, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value : throw new InvalidOperationException($"The app setting '{connection}' (a binding's connection) is not set.");
}
