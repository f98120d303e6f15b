using System.Text.Json;
using Azure;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Functions.MarkFailed;

/// <summary>A host message about a manifest that PlanSession failed on repeatedly: the host's blob trigger poison queue.</summary>
public sealed record BlobPoisonMessage(string? ContainerName, string? BlobName, string? ETag);

/// <summary>
/// MarkManifestFailed's service: when PlanSession keeps failing on a manifest (the worker dying while it plans,
/// storage down for long), the host gives up on that blob; the session is then marked failed instead of staying
/// without a status for ever. Only the manifest's current version counts, and never over a plan made since.
/// </summary>
public sealed class ManifestFailures(PipelineStore store, StatusBoard status, ILogger<ManifestFailures> logger)
{
    static readonly FieldProblem GaveUp = FieldProblem.Create("manifest", "planned", "problem.planned");

    public async Task MarkAsync(string messageText, CancellationToken cancellationToken)
    {
        BlobPoisonMessage? message;
        try { message = JsonSerializer.Deserialize<BlobPoisonMessage>(messageText, Json.Options); }
        catch (JsonException) { message = null; }
        if (message is not { ContainerName: SessionKey.Recordings, BlobName: { } name, ETag: { } etag }
            || name.Split('/') is not [var caseId, var sessionId, "session.json"] || !Ids.IsValid(caseId) || !Ids.IsValid(sessionId))
        {
            logger.LogWarning("A blob poison message names no session manifest and was dropped");
            return;
        }
        var session = SessionKey.Create(caseId, sessionId);
        ETag current;
        try { current = (await store.Blob(SessionKey.Recordings, session.Manifest).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.ETag; }
        catch (RequestFailedException e) when (e.Status == 404) { return; } // purged or deleted since
        if (current.ToString().Trim('"') != etag.Trim('"')) return; // a newer manifest is under way

        await status.ApplyAsync(session, new SessionEvent.ManifestAbandoned(GaveUp), cancellationToken).ConfigureAwait(false);
        logger.LogWarning("Session {Session}: its manifest was given up on", session);
    }
}
