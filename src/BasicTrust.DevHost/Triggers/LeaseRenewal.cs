using Azure.Storage.Blobs;
using BasicTrust.Storage;

namespace BasicTrust.DevHost.Triggers;

/// <summary>
/// Renewing a blob lease that guards work (a listener lock, a blob receipt) must not outlast the lease: the shared
/// clients retry for minutes, and by the time such a renewal answered another host could hold the lease. So
/// renewals use a client with one short retry, and each call is cut off when the lease would run out.
/// </summary>
public static class LeaseRenewal
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);
    // Clocks and the network: stop a little before storage would let the lease go.
    static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    /// <summary>Options for the renewal client: at most one retry, each try cut off after <see cref="CallTimeout"/>.</summary>
    public static BlobClientOptions Options()
    {
        var options = StorageClientDefaults.Blobs();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(500);
        options.Retry.NetworkTimeout = CallTimeout;
        return options;
    }

    /// <summary>
    /// How long a renewal may still take, given when the lease was last taken or renewed (measured before that
    /// call was sent); zero once it may have run out, when the work it guards must stop.
    /// </summary>
    public static TimeSpan Budget(DateTimeOffset renewedAt, TimeSpan leaseTime, DateTimeOffset now)
    {
        var left = renewedAt + leaseTime - Margin - now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
