using Azure.Storage.Blobs.Models;

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
