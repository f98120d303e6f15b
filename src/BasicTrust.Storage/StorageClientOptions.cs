using Azure.Core;

namespace BasicTrust.Storage;

/// <summary>Options for every client in this library (retries, transport, service version).</summary>
public class StorageClientOptions : ClientOptions
{
    /// <summary>The pinned REST version: accepted by Azure and by Azurite 3.34 and later.</summary>
    public const string DefaultServiceVersion = "2025-05-05";

    /// <summary>Sets the storage SDK's retry defaults: five retries, exponential back-off.</summary>
    public StorageClientOptions()
    {
        Retry.MaxRetries = 5;
        Retry.Mode = RetryMode.Exponential;
        Retry.Delay = TimeSpan.FromSeconds(0.8);
        Retry.MaxDelay = TimeSpan.FromSeconds(60);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
    }

    /// <summary>The x-ms-version sent on every request and the sv of every SAS.</summary>
    public string ServiceVersion { get; set; } = DefaultServiceVersion;

    /// <summary>Where time comes from (SAS start/expiry, x-ms-date); tests replace it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
