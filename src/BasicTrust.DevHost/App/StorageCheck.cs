using Azure;
using Azure.Storage.Blobs;

namespace BasicTrust.DevHost.App;

/// <summary>
/// Asks the host's storage once, quickly and without retries, before anything starts: an unreachable Azurite
/// should be one clear line, not a minute of retries and a stack trace from a listener.
/// </summary>
public static class StorageCheck
{
    public const string HostStorage = "AzureWebJobsStorage";

    public static async Task EnsureReachableAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        if (!settings.TryGetValue(HostStorage, out var connection) || string.IsNullOrWhiteSpace(connection))
            throw new InvalidOperationException($"The app setting {HostStorage} (the host's storage) is not set.");
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        try
        {
            var service = new BlobServiceClient(connection, options);
            await service.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RequestFailedException or FormatException or ArgumentException or AggregateException or TaskCanceledException)
        {
            throw new InvalidOperationException($"The storage in {HostStorage} is not reachable (is Azurite running?): {e.Message.Split('\n')[0]}", e);
        }
    }
}
