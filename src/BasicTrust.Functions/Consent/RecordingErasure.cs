using BasicTrust.Functions.Api;
using BasicTrust.Functions.IndexReadyReel;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Consent;

/// <summary>
/// Deletes one recording and everything made of it (preview, clips, stills, reels, its review index row, its messages
/// in the queues nobody reads), leaving the professional record. Like a purge, for one session: the intent is audited
/// first, then a marker (<see cref="PipelineStore.Erasure"/>) stops work in flight from writing anew (Sweep removes
/// what slipped through), the status ends as erased, and the counts are audited last. Run again, it finishes what an
/// earlier run left.
/// </summary>
public sealed class RecordingErasure(PipelineStore store, StatusBoard status, CaseData data, ReviewIndex index, PipelineQueues queues, PrivacyStore privacy, AuditLog audit, TimeProvider clock, ILogger<RecordingErasure> logger)
{
    public async Task<ErasedRecording> EraseAsync(SessionKey session, string because, string who, CancellationToken cancellationToken)
    {
        await audit.WriteAsync(new AuditEntry(clock.GetUtcNow(), who, "erase-requested", session.Folder, Details: new { because }), cancellationToken).ConfigureAwait(false);
        await store.Blob(SessionKey.Audit, PipelineStore.Erasure(session))
            .UploadAsync(BinaryData.FromObjectAsJson(new { session.CaseId, session.SessionId, because, at = clock.GetUtcNow() }, Json.Options), overwrite: true, cancellationToken).ConfigureAwait(false);
        await status.ApplyAsync(session, new SessionEvent.Erased(), cancellationToken).ConfigureAwait(false);
        var blobs = await data.DeleteMediaAsync(session, cancellationToken).ConfigureAwait(false);
        var reviews = await index.RemoveSessionAsync(session, cancellationToken).ConfigureAwait(false);
        var messages = await queues.RemoveUnreadAsync(session.CaseId, session.SessionId, cancellationToken).ConfigureAwait(false);
        await privacy.MarkErasedAsync(session.CaseId, session.SessionId, because, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var erased = new ErasedRecording(session.SessionId, blobs, reviews, messages);
        await audit.WriteAsync(new AuditEntry(clock.GetUtcNow(), who, "erase-recording", session.Folder, Details: new { because, blobs, reviews, messages }), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Session {Session}: recording erased ({Because}): {Blobs} blobs, {Reviews} review rows, {Messages} messages", session, because, blobs, reviews, messages);
        return erased;
    }
}
