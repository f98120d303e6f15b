using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Functions.Api;

/// <summary>
/// Append-only JSON lines in the <c>audit</c> container, <c>log/{yyyy-MM-dd}/{part}.jsonl</c>: every link handed out,
/// every refusal, every case created or shared, every review mark and every purge. An append blob holds at most 50,000 appends, so a full part rolls over to the
/// next one instead of failing the request that is being audited.
/// </summary>
public sealed class AuditLog(PipelineStore store, TimeProvider clock)
{
    public const string Prefix = "log/";
    readonly Lock _gate = new();
    (string Day, int Part) _current = ("", 0);

    public Task WriteAsync(string who, string action, string target, DateTimeOffset? expiresAt, CancellationToken cancellationToken) =>
        WriteAsync(new AuditEntry(clock.GetUtcNow(), who, action, target, expiresAt), cancellationToken);

    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var line = BinaryData.FromString(JsonSerializer.Serialize(entry, Json.Compact) + "\n");
        var day = entry.At.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var part = Part(day);
        while (true)
        {
            var blob = store.Service.GetBlobContainerClient(SessionKey.Audit).GetAppendBlobClient(PartName(day, part));
            try
            {
                await blob.AppendBlockAsync(line.ToStream(), cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.ErrorCode == "BlobNotFound")
            {
                // The first entry of a part creates it: one extra request a part, not one an entry.
                await blob.CreateIfNotExistsAsync(new AppendBlobCreateOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" } }, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.ErrorCode == "BlockCountExceedsLimit")
            {
                part = Rolled(day, part);
            }
        }
    }

    /// <summary>
    /// The case an entry's target names, or null: targets are <c>{case}/…</c> or <c>{container}/{case}/…</c> (a link
    /// or a reel); a person's settings (<c>people/…</c>), the log itself (<c>audit/…</c>), a refused action (<c>actions/…</c>) and a function name name none.
    /// </summary>
    public static string? CaseOf(string target)
    {
        var segments = target.Split('/');
        if (segments[0] is SessionKey.Audit or "people" or "actions") return null;
        var named = segments[0] is SessionKey.Recordings or SessionKey.Previews or SessionKey.Clips or SessionKey.Reels or SessionKey.Pipeline
            ? segments.ElementAtOrDefault(1) : segments[0];
        return Ids.IsValid(named) ? named : null;
    }

    /// <summary>The blob of one part of a day's log, e.g. <c>log/2026-12-01/0000.jsonl</c>.</summary>
    public static string PartName(string day, int part) => $"{Prefix}{day}/{part:D4}.jsonl";

    int Part(string day)
    {
        lock (_gate) return _current.Day == day ? _current.Part : (_current = (day, 0)).Part;
    }

    /// <summary>The part after the full one, remembered so later entries go there at once.</summary>
    int Rolled(string day, int full)
    {
        lock (_gate)
        {
            if (_current.Day != day || _current.Part <= full) _current = (day, full + 1);
            return _current.Part;
        }
    }
}
