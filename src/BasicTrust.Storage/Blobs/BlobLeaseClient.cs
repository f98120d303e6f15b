using System.Globalization;
using Azure;
using Azure.Core;
using BasicTrust.Storage.Pipeline;

namespace BasicTrust.Storage.Blobs;

/// <summary>Acquires, renews and releases a lease on one blob (single-writer sections).</summary>
public sealed class BlobLeaseClient
{
    readonly BlobClient _blob;
    readonly StorageContext _context;

    internal BlobLeaseClient(BlobClient blob, StorageContext context, string? leaseId)
    {
        _blob = blob;
        _context = context;
        LeaseId = leaseId ?? Guid.NewGuid().ToString();
    }

    /// <summary>The lease id this client proposes and uses.</summary>
    public string LeaseId { get; private set; }

    /// <summary>Acquires the lease for 15–60 seconds, or infinite with <see cref="Timeout.InfiniteTimeSpan"/>.</summary>
    public async Task<Response<BlobLease>> AcquireAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var seconds = duration == Timeout.InfiniteTimeSpan ? -1 : (int)duration.TotalSeconds;
        if (seconds != -1 && seconds is < 15 or > 60)
            throw new ArgumentOutOfRangeException(nameof(duration), "A lease lasts 15 to 60 seconds, or is infinite.");
        var response = await SendAsync("acquire", cancellationToken, ("x-ms-lease-duration", seconds.ToString(CultureInfo.InvariantCulture)), ("x-ms-proposed-lease-id", LeaseId)).ConfigureAwait(false);
        LeaseId = response.Headers.TryGetValue("x-ms-lease-id", out var id) ? id : LeaseId;
        return Response.FromValue(new BlobLease(LeaseId, BlobHeaders.ReadETag(response)), response);
    }

    /// <summary>Renews the lease before it expires.</summary>
    public async Task<Response<BlobLease>> RenewAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync("renew", cancellationToken, ("x-ms-lease-id", LeaseId)).ConfigureAwait(false);
        return Response.FromValue(new BlobLease(LeaseId, BlobHeaders.ReadETag(response)), response);
    }

    /// <summary>Releases the lease so another writer can take it at once.</summary>
    public Task<Response> ReleaseAsync(CancellationToken cancellationToken = default) =>
        SendAsync("release", cancellationToken, ("x-ms-lease-id", LeaseId));

    async Task<Response> SendAsync(string action, CancellationToken cancellationToken, params (string Name, string Value)[] headers)
    {
        using var message = _context.CreateMessage(RequestMethod.Put, StorageUri.WithQuery(_blob.Uri, ("comp", "lease")));
        message.Request.Headers.SetValue("x-ms-lease-action", action);
        foreach (var (name, value) in headers) message.Request.Headers.SetValue(name, value);
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }
}
