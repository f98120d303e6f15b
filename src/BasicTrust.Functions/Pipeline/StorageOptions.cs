namespace BasicTrust.Functions.Pipeline;

/// <summary>Where the pipeline's data lives, bound from <c>BasicTrust:Storage</c> (app settings <c>BasicTrust__Storage__…</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>
    /// The storage account holding recordings, clips, reels and state. A connection string (Azurite, or
    /// <c>UseDevelopmentStorage=true</c>) locally; in Azure leave it empty and set <see cref="BlobServiceUri"/>
    /// so the app signs in with its managed identity.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob endpoint when using a managed identity, e.g. <c>https://account.blob.core.windows.net</c>.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>The queue endpoint when using a managed identity, e.g. <c>https://account.queue.core.windows.net</c>.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>True when exactly one of the two ways to reach storage is configured.</summary>
    public bool IsValid => string.IsNullOrWhiteSpace(ConnectionString) ? BlobServiceUri is not null && QueueServiceUri is not null : BlobServiceUri is null && QueueServiceUri is null;
}
