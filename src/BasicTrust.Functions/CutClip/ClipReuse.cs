using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.CutClip;

/// <summary>
/// Finds an earlier plan's clip of the same session whose video or still has the identity a new clip needs
/// (<see cref="ClipIdentity"/>), and copies its files within storage instead of cutting them again. Only the session's
/// own folder is searched, so nothing is ever reused across sessions or cases; copies live under the new plan, so the
/// sweep of older plans and a purge of the case remove them like any clip.
/// </summary>
public sealed class ClipReuse(PipelineStore store)
{
    /// <summary>How long the read link a copy is made through lives: a copy within one account takes seconds.</summary>
    static readonly TimeSpan CopyLinkLifetime = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The documents of complete clips (their JSON, written last, exists) of other plans whose video, and whose still,
    /// have these identities; null where there is none.
    /// </summary>
    public async Task<(ClipDocument? Video, ClipDocument? Still)> FindAsync(SessionKey session, string planId, string videoIdentity, string stillIdentity, CancellationToken cancellationToken)
    {
        string? video = null, still = null;
        var clips = store.Service.GetBlobContainerClient(SessionKey.Clips);
        await foreach (var blob in clips.GetBlobsAsync(new GetBlobsOptions { Prefix = session.Folder + "/", Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
        {
            if (blob.Name.Split('/') is not [_, _, var plan, var file] || plan == planId) continue;
            if (!blob.Metadata.TryGetValue(ClipIdentity.MetadataKey, out var identity)) continue;
            if (video is null && file.EndsWith(".mp4", StringComparison.Ordinal) && identity == videoIdentity) video = blob.Name;
            else if (still is null && file.EndsWith(".jpg", StringComparison.Ordinal) && !file.EndsWith(".small.jpg", StringComparison.Ordinal) && identity == stillIdentity) still = blob.Name;
        }
        return (await CompleteAsync(video, cancellationToken).ConfigureAwait(false), await CompleteAsync(still, cancellationToken).ConfigureAwait(false));
    }

    async Task<ClipDocument?> CompleteAsync(string? file, CancellationToken cancellationToken) =>
        file is null ? null : (await store.ReadAsync<ClipDocument>(SessionKey.Clips, Path.ChangeExtension(file, ".json"), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>
    /// Copies <paramref name="source"/> (a <c>container/blob</c> path) to the clip blob <paramref name="name"/> with new
    /// metadata, within storage. False when the source is gone (the sweep removed its plan meanwhile): then the caller cuts.
    /// </summary>
    public async Task<bool> CopyAsync(string source, string name, IDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        if (source.Split('/', 2) is not [SessionKey.Clips, var sourceName]) return false;
        try
        {
            var link = await store.LinkAsync(store.Blob(SessionKey.Clips, sourceName), BlobSasPermissions.Read, CopyLinkLifetime, cancellationToken).ConfigureAwait(false);
            var copy = await store.Blob(SessionKey.Clips, name).StartCopyFromUriAsync(link, new BlobCopyFromUriOptions { Metadata = metadata }, cancellationToken).ConfigureAwait(false);
            await copy.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }
}
