using System.Text.Json;
using BasicTrust.Functions.Pipeline;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace BasicTrust.Functions.Api;

/// <summary>One audit entry: who did what to which blob or case, when. Never a link's signature.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Who, string Action, string Target, DateTimeOffset? ExpiresAt = null);

/// <summary>
/// Append-only JSON lines in <c>pipeline/audit/{yyyy-MM}.jsonl</c>: every link handed out and every purge.
/// An append blob, so entries are never rewritten.
/// </summary>
public sealed class AuditLog(PipelineStore store, TimeProvider clock)
{
    public const string Prefix = "audit/";

    public async Task WriteAsync(string who, string action, string target, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var blob = store.Service.GetBlobContainerClient(SessionKey.Pipeline).GetAppendBlobClient($"{Prefix}{now:yyyy-MM}.jsonl");
        await blob.CreateIfNotExistsAsync(new AppendBlobCreateOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" } }, cancellationToken).ConfigureAwait(false);
        var line = JsonSerializer.Serialize(new AuditEntry(now, who, action, target, expiresAt), Json.Compact) + "\n";
        await blob.AppendBlockAsync(BinaryData.FromString(line).ToStream(), cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
