using System.Text;
using System.Text.Json.Nodes;
using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Handler;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace BasicTrust.DevHost.Triggers;

/// <summary>
/// A blob trigger as the host's container scan runs it: new or changed blobs matching the path fire once per
/// ETag, recorded as receipts in <c>azure-webjobs-hosts</c> so a restart does not fire them again. The blob's
/// content goes in Data as text (double-encoded, as the host sends a string), the path tokens, Uri, Properties
/// and Metadata in Metadata. After <c>poisonBlobThreshold</c> failed attempts a message goes to
/// <c>webjobs-blobtrigger-poison</c>. Only for small JSON blobs: never point a blob trigger at video.
/// </summary>
public sealed class BlobListener(FunctionDefinition function, int poisonThreshold, StorageAccounts accounts, Invoker invoker, OutputBinder outputs,
    string hostId, TimeSpan scanInterval, ILogger logger)
{
    const string ReceiptContainer = "azure-webjobs-hosts";
    const int MaxBlobBytes = 1024 * 1024;
    readonly BlobPathPattern _path = BlobPathPattern.Parse(function.Trigger["path"]!);
    readonly Dictionary<string, int> _attempts = [];
    readonly HashSet<string> _receipts = [];

    BlobServiceClient Service => accounts.Blobs(function.Trigger.Connection);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await Service.GetBlobContainerClient(ReceiptContainer).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await Service.GetBlobContainerClient(_path.Container).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("{Function}: scanning {Container} failed: {Reason}", function.Name, _path.Container, e.Message);
            }
            await Task.Delay(scanInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    async Task ScanAsync(CancellationToken cancellationToken)
    {
        var container = Service.GetBlobContainerClient(_path.Container);
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = _path.Prefix, Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
        {
            if (_path.Match(blob.Name) is not { } tokens) continue;
            var receipt = $"blobreceipts/{hostId}/{function.Name}/{blob.Properties.ETag!.Value.ToString().Trim('"')}/{_path.Container}/{blob.Name}";
            if (_receipts.Contains(receipt)) continue;
            var receipts = Service.GetBlobContainerClient(ReceiptContainer);
            if ((await receipts.GetBlobClient(receipt).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value) { _receipts.Add(receipt); continue; }

            if (await FireAsync(container.GetBlobClient(blob.Name), blob, tokens, cancellationToken).ConfigureAwait(false) || await GaveUpAsync(receipt, cancellationToken).ConfigureAwait(false))
            {
                await receipts.GetBlobClient(receipt).UploadAsync(BinaryData.FromString(""), overwrite: true, cancellationToken).ConfigureAwait(false);
                _receipts.Add(receipt);
            }
        }
    }

    async Task<bool> FireAsync(BlobClient client, BlobItem blob, IReadOnlyDictionary<string, string> tokens, CancellationToken cancellationToken)
    {
        if (blob.Properties.ContentLength > MaxBlobBytes)
        {
            logger.LogError("{Function}: {Blob} is {Size} bytes; the DevHost, like the host, would load it whole into memory, so it is skipped", function.Name, blob.Name, blob.Properties.ContentLength);
            return true;
        }
        var content = (await client.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
        var data = new JsonObject { [function.Trigger.Name] = HostPayload.Text(content.Content.ToString()) };
        var metadata = new JsonObject
        {
            ["BlobTrigger"] = HostPayload.Text($"{_path.Container}/{blob.Name}"), // dropped by the host's filter
            ["Uri"] = HostPayload.Text(client.Uri.ToString()),
            ["Properties"] = new JsonObject
            {
                ["ContentLength"] = blob.Properties.ContentLength,
                ["ContentType"] = blob.Properties.ContentType,
                ["ETag"] = blob.Properties.ETag?.ToString(),
                ["LastModified"] = blob.Properties.LastModified?.ToString("O"),
                ["BlobType"] = blob.Properties.BlobType?.ToString(),
            },
            ["Metadata"] = new JsonObject(blob.Metadata.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)JsonValue.Create(m.Value)))),
        };
        foreach (var (token, value) in tokens) metadata[token] = HostPayload.Text(value);

        var outcome = await invoker.InvokeAsync(function.Name, data, metadata, cancellationToken).ConfigureAwait(false);
        if (outcome.Succeeded)
        {
            await outputs.WriteAsync(function, outcome.Outputs, tokens, cancellationToken).ConfigureAwait(false);
            return true;
        }
        logger.LogWarning("{Function}: {Blob} failed: {Reason}", function.Name, blob.Name, outcome.Error);
        return false;
    }

    /// <summary>Counts a failed attempt; after the threshold the blob is reported on the poison queue and not retried.</summary>
    async Task<bool> GaveUpAsync(string receipt, CancellationToken cancellationToken)
    {
        var attempts = _attempts[receipt] = _attempts.GetValueOrDefault(receipt) + 1;
        if (attempts < poisonThreshold) return false;
        var parts = receipt.Split('/', 6);
        var message = new JsonObject
        {
            ["FunctionId"] = $"Host.Functions.{function.Name}", ["BlobType"] = "BlockBlob",
            ["ContainerName"] = _path.Container, ["BlobName"] = parts[5], ["ETag"] = $"\"{parts[3]}\"",
        };
        await accounts.SendAsync(function.Trigger.Connection, "webjobs-blobtrigger-poison", message.ToJsonString(), cancellationToken).ConfigureAwait(false);
        logger.LogError("{Function}: gave up on {Blob} after {Attempts} attempts", function.Name, parts[5], attempts);
        return true;
    }
}
