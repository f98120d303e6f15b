using Azure;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Highlights.Texts;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Previews;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Sources;
using Microsoft.Extensions.Options;

namespace BasicTrust.Functions.MakePreview;

/// <summary>
/// After a recording is uploaded: checks whether browsers can play it and, only when they cannot, makes a preview with
/// the same timeline (a remux when only the file type or the sound is the problem, a small H.264 copy when the video
/// codec is, made in segments by <see cref="PreviewSegmenting"/>). The preview lives in the <c>previews</c> container, so
/// retention and a purge treat it as the recording.
/// </summary>
public sealed class RecordingPreviews(PipelineStore store, StatusBoard status, PreviewSegmenting segments, MediaLimits limits, IOptions<PipelineOptions> options, AuditLog audit, TimeProvider clock,
    ILogger<RecordingPreviews> logger)
{
    /// <summary>The same reason the session's status gives for an empty recording.</summary>
    public static readonly Sentence EmptyRecording = Sentence.Of("problem.not-empty");

    public async Task MakeAsync(SessionKey session, string name, CancellationToken cancellationToken)
    {
        if (!RecordingFileName.IsValid(name) || await store.IsGoneAsync(session, cancellationToken).ConfigureAwait(false)) return;
        if (await status.PlannedRecordingAsync(session, cancellationToken).ConfigureAwait(false) is { } planned && planned != name)
        {
            // Uploaded through a link handed out before the session's plan: the planned recording stays the only one.
            await store.RemoveStrayRecordingsAsync(session, planned, cancellationToken).ConfigureAwait(false);
            logger.LogWarning("{Session}: a second recording arrived after the session was planned and was removed", session);
            return;
        }
        var recording = store.Blob(SessionKey.Recordings, session.Recording(name));
        Azure.Storage.Blobs.Models.BlobProperties version;
        try { version = (await recording.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value; }
        catch (RequestFailedException e) when (e.Status == 404) { return; }
        var etag = version.ETag.ToString();
        var current = (await store.ReadAsync<PreviewDocument>(SessionKey.Pipeline, session.Preview, cancellationToken).ConfigureAwait(false)).Value;
        if (current is { State: PreviewState.Ready or PreviewState.NotNeeded or PreviewState.Offered } && current.RecordingETag == etag) return; // a repeated trigger
        // Asked for by a page (it has the offered type), or being made in segments: a late or repeated trigger leaves it to them.
        if (current is { State: PreviewState.Making } && (current.Type is not null || current.Segments is not null) && current.RecordingETag == etag) return;

        if (version.ContentLength == 0)
        {
            await WriteAsync(session, new PreviewDocument(name, etag, PreviewState.Failed).Because(EmptyRecording), cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var relay = await store.OpenRecordingAsync(recording, version, options.Value.RecordingLinkLifetime, cancellationToken).ConfigureAwait(false);
        MediaSource source;
        try { source = await MediaSource.OpenAsync(relay.Url, limits, cancellationToken).ConfigureAwait(false); }
        catch (UnsupportedMediaException e)
        {
            await WriteAsync(session, new PreviewDocument(name, etag, PreviewState.Failed).Because(e.Reason), cancellationToken).ConfigureAwait(false);
            return;
        }
        var (need, reason) = BrowserPlayback.Decide(source.Info, name);
        if (need == PreviewNeed.None)
        {
            await WriteAsync(session, new PreviewDocument(name, etag, PreviewState.NotNeeded), cancellationToken).ConfigureAwait(false);
            return;
        }
        // A transcode costs about the recording's length: made only when a page whose browser cannot play it asks.
        if (need == PreviewNeed.Transcode && BrowserPlayback.Type(source.Info) is { } type)
        {
            await WriteAsync(session, new PreviewDocument(name, etag, PreviewState.Offered, need, Type: type).Because(reason), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("{Session}: the recording is offered as it is ({Type})", session, type);
            return;
        }
        await MakeAsync(session, new PreviewDocument(name, etag, PreviewState.Making, need, Since: clock.GetUtcNow()).Because(reason), source, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A page's browser cannot play the offered recording: marks the preview as being made and returns its document, for
    /// which a job is to be queued. A preview already asked for, made or not needed, or none at all, is left as it is
    /// (null).
    /// </summary>
    public async Task<PreviewDocument?> RequestAsync(SessionKey session, CancellationToken cancellationToken)
    {
        var requested = false;
        var document = await store.UpdateAsync<PreviewDocument>(SessionKey.Pipeline, session.Preview, current =>
        {
            requested = current is { State: PreviewState.Offered };
            return requested ? current! with { State = PreviewState.Making, Since = clock.GetUtcNow() } : null;
        }, cancellationToken).ConfigureAwait(false);
        if (requested) logger.LogInformation("{Session}: a preview was asked for", session);
        return requested ? document : null;
    }

    /// <summary>Makes the preview a page asked for (<see cref="RequestAsync"/>), unless the recording changed, or the case was purged or the recording erased since.</summary>
    public async Task MakeRequestedAsync(SessionKey session, CancellationToken cancellationToken)
    {
        if (await store.IsGoneAsync(session, cancellationToken).ConfigureAwait(false)) return;
        if ((await store.ReadAsync<PreviewDocument>(SessionKey.Pipeline, session.Preview, cancellationToken).ConfigureAwait(false)).Value is not { State: PreviewState.Making } asked) return;
        if (asked.Segments is not null) return; // already split: its segments' jobs make it
        var recording = store.Blob(SessionKey.Recordings, session.Recording(asked.Recording));
        Azure.Storage.Blobs.Models.BlobProperties version;
        try { version = (await recording.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value; }
        catch (RequestFailedException e) when (e.Status == 404) { return; }
        if (version.ETag.ToString() != asked.RecordingETag) return; // replaced: its upload's own check decides anew
        await using var relay = await store.OpenRecordingAsync(recording, version, options.Value.RecordingLinkLifetime, cancellationToken).ConfigureAwait(false);
        MediaSource source;
        try { source = await MediaSource.OpenAsync(relay.Url, limits, cancellationToken).ConfigureAwait(false); }
        catch (UnsupportedMediaException e)
        {
            await WriteAsync(session, (asked with { State = PreviewState.Failed }).Because(e.Reason), cancellationToken).ConfigureAwait(false);
            return;
        }
        await MakeAsync(session, asked, source, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes <paramref name="making"/>, makes the preview of <paramref name="source"/>, uploads it and marks it ready (or
    /// failed); a transcode is split into segments that jobs make.
    /// </summary>
    async Task MakeAsync(SessionKey session, PreviewDocument making, MediaSource source, CancellationToken cancellationToken)
    {
        if (making.Need == PreviewNeed.Transcode)
        {
            await segments.StartAsync(session, making, source, cancellationToken).ConfigureAwait(false);
            return;
        }
        var (name, etag, need) = (making.Recording, making.RecordingETag, making.Need);
        await WriteAsync(session, making, cancellationToken).ConfigureAwait(false);
        var work = WorkFolders.Create("preview");
        try
        {
            var file = Path.Combine(work.FullName, "preview.mp4");
            try
            {
                await PreviewMaker.MakeAsync(source, need, file, limits.RunOptions(), cancellationToken).ConfigureAwait(false);
            }
            catch (MediaProcessException e)
            {
                // FFmpeg could not read it through: the page says so rather than waiting for a preview.
                logger.LogWarning("{Session}: the preview could not be made (exit {ExitCode})", session, e.ExitCode);
                await WriteAsync(session, new PreviewDocument(name, etag, PreviewState.Failed, need).Because(Sentence.Of("preview.convert")), cancellationToken).ConfigureAwait(false);
                return;
            }
            if (await store.IsGoneAsync(session, cancellationToken).ConfigureAwait(false)) return;
            var blob = $"{session.Folder}/preview.mp4"; // a fixed name: the therapist's file name stays out of the audit log
            await store.UploadFileAsync(SessionKey.Previews, blob, file, "video/mp4", null, cancellationToken).ConfigureAwait(false);
            await WriteAsync(session, (making with { State = PreviewState.Ready, Blob = blob }), cancellationToken).ConfigureAwait(false);
            await audit.WriteAsync(new AuditEntry(clock.GetUtcNow(), "pipeline", "preview-made", $"{SessionKey.Previews}/{blob}", Details: new { need }), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("{Session}: preview made ({Need})", session, need);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    Task WriteAsync(SessionKey session, PreviewDocument document, CancellationToken cancellationToken) =>
        store.WriteAsync(SessionKey.Pipeline, session.Preview, document, cancellationToken: cancellationToken);
}
