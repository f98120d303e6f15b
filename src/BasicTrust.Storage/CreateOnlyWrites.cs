using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace BasicTrust.Storage;

/// <summary>Create-only writes: the basis of "exactly one worker wins" (the SDK has no upload-if-not-exists).</summary>
public static class CreateOnlyWrites
{
    /// <summary>
    /// Writes the blob unless it exists (<c>If-None-Match: *</c>): true for the one caller that created it. When the
    /// write landed but its answer was lost, the SDK's retry meets the blob this call wrote: a blob holding exactly
    /// <paramref name="content"/> counts as this caller's, so give each caller content of its own (a nonce).
    /// </summary>
    public static async Task<bool> UploadIfNotExistsAsync(this BlobClient blob, BinaryData content, BlobHttpHeaders? headers = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var options = new BlobUploadOptions { HttpHeaders = headers, Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
            await blob.UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
            return true;
        }
        // Azure and Azurite answer 409 BlobAlreadyExists; 412 is accepted too, defensively.
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            var existing = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return existing.Value.Content.ToMemory().Span.SequenceEqual(content.ToMemory().Span);
        }
    }
}
