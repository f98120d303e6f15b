using Azure.Storage.Blobs.Models;
using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Functions.Pipeline;

/// <summary>
/// Everything stored for one case: its blobs in the four containers and the host's blob trigger receipts that name
/// its manifests. A purge removes them; Sweep removes what work in flight at the purge wrote afterwards.
/// </summary>
public sealed class CaseData(PipelineStore store)
{
    /// <summary>Where the Functions host keeps its blob trigger receipts.</summary>
    const string HostContainer = "azure-webjobs-hosts";

    /// <summary>How many blobs the case has in the pipeline's containers.</summary>
    public async Task<int> CountAsync(string caseId, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var container in SessionKey.Containers)
            count += await store.CountAsync(container, caseId + "/", cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>Deletes every blob of the case and its trigger receipts; returns how many were deleted.</summary>
    public async Task<int> DeleteAsync(string caseId, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var container in SessionKey.Containers)
            removed += await DeleteWhereAsync(container, caseId + "/", _ => true, cancellationToken).ConfigureAwait(false);
        if ((await store.Service.GetBlobContainerClient(HostContainer).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value)
            removed += await DeleteWhereAsync(HostContainer, "blobreceipts/",
                name => name.Contains($"/{SessionKey.Recordings}/{caseId}/", StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
        return removed;
    }

    /// <summary>
    /// Deletes the media of one session: its recording (and any other upload in its folder), preview, clips, stills,
    /// reels and captions, and the host's trigger receipts naming its media (the manifest's stays, so the host does not offer it again). Its manifest (the tags and notes) and its
    /// state (plans, status, review, terugkijkgesprek) stay: the professional record. Returns how many were deleted.
    /// </summary>
    public async Task<int> DeleteMediaAsync(SessionKey session, CancellationToken cancellationToken)
    {
        var folder = session.Folder + "/";
        var removed = await DeleteWhereAsync(SessionKey.Recordings, folder, name => name != session.Manifest, cancellationToken).ConfigureAwait(false);
        foreach (var container in new[] { SessionKey.Previews, SessionKey.Clips, SessionKey.Reels })
            removed += await DeleteWhereAsync(container, folder, _ => true, cancellationToken).ConfigureAwait(false);
        if ((await store.Service.GetBlobContainerClient(HostContainer).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value)
            removed += await DeleteWhereAsync(HostContainer, "blobreceipts/",
                name => name.Contains($"/{SessionKey.Recordings}/{folder}", StringComparison.Ordinal) && !name.EndsWith("/" + session.Manifest, StringComparison.Ordinal),
                cancellationToken).ConfigureAwait(false);
        return removed;
    }

    /// <summary>The case's sessions that have media: an upload beside the manifest, a preview, clips or reels.</summary>
    public async Task<IReadOnlyList<string>> SessionsWithMediaAsync(string caseId, CancellationToken cancellationToken)
    {
        var sessions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var container in new[] { SessionKey.Recordings, SessionKey.Previews, SessionKey.Clips, SessionKey.Reels })
            await foreach (var blob in store.Service.GetBlobContainerClient(container).GetBlobsAsync(new GetBlobsOptions { Prefix = caseId + "/" }, cancellationToken).ConfigureAwait(false))
                if (blob.Name.Split('/') is [_, var sessionId, var name, ..] && Ids.IsValid(sessionId) && !(container == SessionKey.Recordings && name == "session.json"))
                    sessions.Add(sessionId);
        return [.. sessions];
    }

    async Task<int> DeleteWhereAsync(string container, string prefix, Func<string, bool> matches, CancellationToken cancellationToken)
    {
        var client = store.Service.GetBlobContainerClient(container);
        var names = new List<string>();
        await foreach (var blob in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
            if (matches(blob.Name)) names.Add(blob.Name);
        var removed = 0;
        foreach (var name in names)
            if (await store.DeleteAsync(client.GetBlobClient(name), cancellationToken).ConfigureAwait(false)) removed++;
        return removed;
    }
}
