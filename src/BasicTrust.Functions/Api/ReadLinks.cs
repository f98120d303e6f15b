using Microsoft.Extensions.Options;
using Azure.Storage.Sas;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Api;

/// <summary>
/// Read-only links for signed-in people, minted after the access check: one lifetime for every read link (long
/// playback asks again), and each link audited with who and until when, never its signature.
/// </summary>
public sealed class ReadLinks(PipelineStore store, AuditLog audit, IOptions<PipelineOptions> options, TimeProvider clock)
{
    TimeSpan Lifetime => options.Value.ReadLinkLifetime;

    /// <summary>When links minted now run out.</summary>
    public DateTimeOffset ExpiresAt => clock.GetUtcNow() + Lifetime;

    /// <summary>A read link to <paramref name="path"/> (<c>container/blob</c>) for <paramref name="who"/>.</summary>
    public async Task<Uri> MintAsync(string who, string path, CancellationToken cancellationToken)
    {
        var slash = path.IndexOf('/');
        var link = await store.LinkAsync(store.Blob(path[..slash], path[(slash + 1)..]), BlobSasPermissions.Read, Lifetime, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(who, "read-link", path, ExpiresAt, cancellationToken).ConfigureAwait(false);
        return link;
    }
}
