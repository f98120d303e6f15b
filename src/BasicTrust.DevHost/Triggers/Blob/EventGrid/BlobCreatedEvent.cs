using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace BasicTrust.DevHost.Triggers.Blob.EventGrid;

/// <summary>A <c>Microsoft.Storage.BlobCreated</c> event in the Event Grid schema, as a storage account's system topic sends it.</summary>
public sealed record BlobCreatedEvent(string Id, string Subject, string Container, string BlobName, JsonObject Json)
{
    public static BlobCreatedEvent For(BlobContainerClient container, BlobItem blob, DateTimeOffset now)
    {
        var id = Guid.NewGuid().ToString();
        var subject = BlobEventSubscription.Subject(container.Name, blob.Name);
        var json = new JsonObject
        {
            ["topic"] = $"/subscriptions/devhost/resourceGroups/devhost/providers/Microsoft.Storage/storageAccounts/{container.AccountName}",
            ["subject"] = subject,
            ["eventType"] = "Microsoft.Storage.BlobCreated",
            ["id"] = id,
            ["data"] = new JsonObject
            {
                // Azurite does not say which call wrote the blob; a single upload and a committed block list look alike here.
                ["api"] = "PutBlob",
                ["requestId"] = Guid.NewGuid().ToString(),
                ["eTag"] = blob.Properties.ETag?.ToString().Trim('"'),
                ["contentType"] = blob.Properties.ContentType,
                ["contentLength"] = blob.Properties.ContentLength,
                ["blobType"] = blob.Properties.BlobType == BlobType.Block ? "BlockBlob" : $"{blob.Properties.BlobType}Blob",
                ["url"] = container.GetBlobClient(blob.Name).Uri.GetLeftPart(UriPartial.Path),
                ["sequencer"] = (blob.Properties.LastModified ?? now).UtcTicks.ToString("x32", System.Globalization.CultureInfo.InvariantCulture),
            },
            ["dataVersion"] = "",
            ["metadataVersion"] = "1",
            ["eventTime"] = now.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        return new BlobCreatedEvent(id, subject, container.Name, blob.Name, json);
    }
}
