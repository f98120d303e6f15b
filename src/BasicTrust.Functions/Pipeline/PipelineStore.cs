using System.Text.Json;
using Azure;
using BasicTrust.Media.Sources;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using BasicTrust.Storage;

namespace BasicTrust.Functions.Pipeline;

/// <summary>The pipeline's blob operations: JSON documents, create-only markers, files, and short-lived read links.</summary>
public sealed class PipelineStore(BlobServiceClient service, BlobLinks links)
{
    /// <summary>The blob service, for listing and cleanup.</summary>
    public BlobServiceClient Service => service;

    public BlobClient Blob(string container, string name) => service.GetBlobContainerClient(container).GetBlobClient(name);

    /// <summary>Creates the pipeline's containers when missing (local runs).</summary>
    public async Task CreateContainersAsync(CancellationToken cancellationToken)
    {
        foreach (var name in SessionKey.Containers.Append(SessionKey.Audit))
            await service.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A JSON document and its ETag, or (default, null) when the blob does not exist.</summary>
    public async Task<(T? Value, ETag? ETag)> ReadAsync<T>(string container, string name, CancellationToken cancellationToken)
    {
        try
        {
            using var download = (await Blob(container, name).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            var value = await JsonSerializer.DeserializeAsync<T>(download.Content, Json.Options, cancellationToken).ConfigureAwait(false);
            return (value, download.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (default, null);
        }
    }

    /// <summary>Writes a JSON document; with <paramref name="ifMatch"/> only over that version (412 otherwise).</summary>
    public async Task WriteAsync<T>(string container, string name, T value, ETag? ifMatch = null, CancellationToken cancellationToken = default)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Conditions = ifMatch is { } etag ? new BlobRequestConditions { IfMatch = etag } : null,
        };
        await Blob(container, name).UploadAsync(BinaryData.FromObjectAsJson(value, Json.Options), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Read, change, write a JSON document only over the version read (or create it only if there is none), again with
    /// a short back-off when another writer came first, so no writer's change is lost. <paramref name="change"/> returns
    /// null to leave the document as it is. Returns the document as written, or as found.
    /// </summary>
    public async Task<T?> UpdateAsync<T>(string container, string name, Func<T?, T?> change, CancellationToken cancellationToken) where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var (current, etag) = await ReadAsync<T>(container, name, cancellationToken).ConfigureAwait(false);
            if (change(current) is not { } next) return current;
            try
            {
                if (etag is { } version)
                    await WriteAsync(container, name, next, version, cancellationToken).ConfigureAwait(false);
                else if (!await Blob(container, name).UploadIfNotExistsAsync(BinaryData.FromObjectAsJson(next, Json.Options), new BlobHttpHeaders { ContentType = "application/json" }, cancellationToken).ConfigureAwait(false))
                    continue; // another writer created it first: read theirs
                return next;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(20, 100) * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// True once the case was purged (consent withdrawn). Every step checks it before it writes, so work still in
    /// flight at the purge writes nothing new; Sweep removes what slipped through in between.
    /// </summary>
    public async Task<bool> IsPurgedAsync(string caseId, CancellationToken cancellationToken) =>
        (await Blob(SessionKey.Audit, Tombstone(caseId)).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>
    /// True once the case was purged or this session's recording erased (<see cref="Erasure"/>): the check every step
    /// of a session makes before it writes.
    /// </summary>
    public async Task<bool> IsGoneAsync(SessionKey session, CancellationToken cancellationToken)
    {
        var checks = await Task.WhenAll(IsPurgedAsync(session.CaseId, cancellationToken), ExistsAsync(SessionKey.Audit, Erasure(session), cancellationToken)).ConfigureAwait(false);
        return checks[0] || checks[1];
    }

    /// <summary>The marker an erasure of one session's recording leaves: its ids, when and why.</summary>
    public static string Erasure(SessionKey session) => $"{ErasurePrefix}{session.Folder}";

    /// <summary>Where the erasure markers are, in the audit container.</summary>
    public const string ErasurePrefix = "erased/";

    /// <summary>The marker a purge leaves: the case id and when, nothing else.</summary>
    public static string Tombstone(string caseId) => TombstonePrefix + caseId;

    /// <summary>Where the tombstones are, in the audit container.</summary>
    public const string TombstonePrefix = "purged/";

    /// <summary>Create-only write: true for the one caller that created it.</summary>
    public Task<bool> CreateMarkerAsync(string name, string content, CancellationToken cancellationToken) =>
        Blob(SessionKey.Pipeline, name).UploadIfNotExistsAsync(BinaryData.FromString(content), cancellationToken: cancellationToken);

    public async Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken) =>
        (await Blob(container, name).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>How many blobs there are under a prefix.</summary>
    public async Task<int> CountAsync(string container, string prefix, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in service.GetBlobContainerClient(container).GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false)) count++;
        return count;
    }

    /// <summary>Uploads a local file in blocks, with its content type and metadata.</summary>
    public async Task UploadFileAsync(string container, string name, string path, string contentType, IDictionary<string, string>? metadata, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await Blob(container, name).UploadAsync(file, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType }, Metadata = metadata }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Downloads a blob to a local file.</summary>
    public async Task DownloadFileAsync(string container, string name, string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await Blob(container, name).DownloadToAsync(file, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Serves a recording to FFmpeg on loopback, read from storage in bounded ranges through a short-lived read-only
    /// link: the relay holds only that link, and FFmpeg sees no secret at all. Every range is pinned to the version
    /// the caller saw (If-Match on its ETag), so a recording replaced mid-run fails the run instead of mixing files.
    /// </summary>
    public async Task<RangeRelay> OpenRecordingAsync(BlobClient recording, BlobProperties version, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var link = new BlobClient(await LinkAsync(recording, BlobSasPermissions.Read, lifetime, cancellationToken).ConfigureAwait(false), StorageClientDefaults.Blobs());
        var sameVersion = new BlobRequestConditions { IfMatch = version.ETag };
        return RangeRelay.Start(version.ContentLength, async (offset, count, ct) =>
            (await link.DownloadStreamingAsync(new BlobDownloadOptions { Range = new HttpRange(offset, count), Conditions = sameVersion }, ct).ConfigureAwait(false)).Value.Content);
    }

    /// <summary>
    /// Makes the recording a plan was made from read-only: an infinite lease, taken only on the version the plan probed
    /// (If-Match). An upload to a leased blob without its lease id is refused (412), so an upload link handed out
    /// earlier cannot overwrite the planned recording. (A link's Write permission, which block uploads need, also lets
    /// its holder break a lease: while a link is valid, 30 minutes, someone who sets out to can still replace the bytes;
    /// cutting then fails on the changed ETag instead of mixing two files.) False when the recording changed since it
    /// was probed. Deleting it breaks the lease first (<see cref="DeleteAsync"/>).
    /// </summary>
    public async Task<bool> SealAsync(BlobClient recording, ETag version, CancellationToken cancellationToken)
    {
        try
        {
            await recording.GetBlobLeaseClient().AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration, new RequestConditions { IfMatch = version }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.LeaseAlreadyPresent)
        {
            return (await recording.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.ETag == version;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Removes the session's recordings other than <paramref name="keep"/> (and its manifest); returns how many.</summary>
    public async Task<int> RemoveStrayRecordingsAsync(SessionKey session, string keep, CancellationToken cancellationToken)
    {
        var container = service.GetBlobContainerClient(SessionKey.Recordings);
        var strays = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = session.Folder + "/" }, cancellationToken).ConfigureAwait(false))
            if (blob.Name != session.Recording(keep) && blob.Name != session.Manifest) strays.Add(blob.Name);
        var removed = 0;
        foreach (var name in strays)
            if (await DeleteAsync(container.GetBlobClient(name), cancellationToken).ConfigureAwait(false)) removed++;
        return removed;
    }

    /// <summary>Deletes a blob, breaking the lease of a sealed recording first; false when it was not there.</summary>
    public async Task<bool> DeleteAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.LeaseIdMissing)
        {
            await blob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A link to one blob with only <paramref name="permissions"/>, expiring after <paramref name="lifetime"/>. Signed with
    /// the account key locally, with a user delegation key under a managed identity (no key in Azure).
    /// </summary>
    public Task<Uri> LinkAsync(BlobClient blob, BlobSasPermissions permissions, TimeSpan lifetime, CancellationToken cancellationToken) =>
        links.CreateAsync(blob, permissions, lifetime, cancellationToken);
}
