using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Highlights.Texts;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Indexing;
using BasicTrust.Media.Previews;
using BasicTrust.Media.Sources;
using Microsoft.Extensions.Options;

namespace BasicTrust.Functions.MakePreview;

/// <summary>
/// A transcoded preview is made in segments: the recording split at keyframes, one <c>preview-segments</c> job per
/// window (so every instance takes some), each writing its own fragmented MP4 under the session's folder in the
/// <c>previews</c> container. The editor plays the segments made while the others are being made; the preview is
/// ready once every one is.
/// </summary>
public sealed class PreviewSegmenting(PipelineStore store, MediaLimits limits, IOptions<PipelineOptions> options, QueueServiceClient queues, AuditLog audit, TimeProvider clock,
    ILogger<PreviewSegmenting> logger)
{
    /// <summary>Splits the recording, writes <paramref name="making"/> with its segments and queues one job per segment.</summary>
    public async Task StartAsync(SessionKey session, PreviewDocument making, MediaSource source, CancellationToken cancellationToken)
    {
        var index = await ContainerIndex.ReadAsync(source, cancellationToken).ConfigureAwait(false);
        var segments = PreviewSegment.Split(index?.Keyframes, source.Info.Duration, options.Value.PreviewSegmentLength);
        await WriteAsync(session, making with
        {
            Segments = segments, SegmentsReady = [], Media = source.Info, Type = PreviewMaker.SegmentType(source.Info), Blob = null,
        }, cancellationToken).ConfigureAwait(false);
        var queue = queues.GetQueueClient(PipelineQueues.PreviewSegments);
        for (var i = 0; i < segments.Count; i++)
            // Base64, as the host reads it (host.json's messageEncoding).
            await queue.SendMessageAsync(Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new PreviewSegmentJob(session.CaseId, session.SessionId, making.RecordingETag, i), Json.Compact)),
                cancellationToken).ConfigureAwait(false);
        logger.LogInformation("{Session}: the preview is being made in {Count} segments", session, segments.Count);
    }

    /// <summary>Makes one segment, unless the preview is no longer being made of that version of the recording, or the case was purged or the recording erased since.</summary>
    public async Task MakeAsync(PreviewSegmentJob job, CancellationToken cancellationToken)
    {
        var session = Messages.Session(job.CaseId, job.SessionId);
        if (await store.IsGoneAsync(session, cancellationToken).ConfigureAwait(false)) return;
        if (await CurrentAsync(session, job, cancellationToken).ConfigureAwait(false) is not { Segments: { } segments, Media: { } media } preview || preview.IsReady(job.Segment)) return;
        var recording = store.Blob(SessionKey.Recordings, session.Recording(preview.Recording));
        Azure.Storage.Blobs.Models.BlobProperties version;
        try { version = (await recording.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value; }
        catch (RequestFailedException e) when (e.Status == 404) { return; }
        if (version.ETag.ToString() != job.RecordingETag) return; // replaced: its upload's own check decides anew

        var work = WorkFolders.Create("preview-segment");
        try
        {
            var file = Path.Combine(work.FullName, "segment.mp4");
            await using (var relay = await store.OpenRecordingAsync(recording, version, options.Value.RecordingLinkLifetime, cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await PreviewMaker.MakeSegmentAsync(new MediaSource(relay.Url, media), segments[job.Segment], last: job.Segment == segments.Count - 1, file, limits.RunOptions(), cancellationToken).ConfigureAwait(false);
                }
                catch (MediaProcessException e)
                {
                    // FFmpeg could not read it through: the page says so rather than waiting for a preview.
                    logger.LogWarning("{Session}: segment {Segment} of the preview could not be made (exit {ExitCode})", session, job.Segment, e.ExitCode);
                    await FailAsync(job, cancellationToken).ConfigureAwait(false);
                    return;
                }
            }
            if (await store.IsGoneAsync(session, cancellationToken).ConfigureAwait(false)) return;
            // One upload is one commit: the segment is whole or not there.
            await store.UploadFileAsync(SessionKey.Previews, PreviewDocument.SegmentBlob(session.Folder, job.Segment), file, "video/mp4", null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            work.Delete(recursive: true);
        }
        await MarkReadyAsync(session, job, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A segment the host gave up on: the preview failed, with the same reason as one FFmpeg could not make.</summary>
    public async Task FailAsync(PreviewSegmentJob job, CancellationToken cancellationToken)
    {
        var session = Messages.Session(job.CaseId, job.SessionId);
        await store.UpdateAsync<PreviewDocument>(SessionKey.Pipeline, session.Preview, current =>
            IsCurrent(current, job) ? (current! with { State = PreviewState.Failed }).Because(Sentence.Of("preview.convert")) : null, cancellationToken).ConfigureAwait(false);
    }

    async Task MarkReadyAsync(SessionKey session, PreviewSegmentJob job, CancellationToken cancellationToken)
    {
        var (now, completed) = (clock.GetUtcNow(), false);
        var written = await store.UpdateAsync<PreviewDocument>(SessionKey.Pipeline, session.Preview, current =>
        {
            completed = false;
            if (!IsCurrent(current, job) || current!.IsReady(job.Segment)) return null;
            int[] ready = [.. (current.SegmentsReady ?? []).Append(job.Segment).Order()];
            completed = ready.Length == current.Segments!.Count;
            return current with { SegmentsReady = ready, Since = now, State = completed ? PreviewState.Ready : PreviewState.Making };
        }, cancellationToken).ConfigureAwait(false);
        if (!completed) return;
        var count = written!.Segments!.Count;
        await audit.WriteAsync(new AuditEntry(now, "pipeline", "preview-made", $"{SessionKey.Previews}/{session.Folder}/preview/", Details: new { need = written.Need, segments = count }), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("{Session}: preview made ({Count} segments)", session, count);
    }

    async Task<PreviewDocument?> CurrentAsync(SessionKey session, PreviewSegmentJob job, CancellationToken cancellationToken)
    {
        var current = (await store.ReadAsync<PreviewDocument>(SessionKey.Pipeline, session.Preview, cancellationToken).ConfigureAwait(false)).Value;
        return IsCurrent(current, job) ? current : null;
    }

    static bool IsCurrent(PreviewDocument? preview, PreviewSegmentJob job) =>
        preview is { State: PreviewState.Making, Segments: { } segments } && preview.RecordingETag == job.RecordingETag && job.Segment >= 0 && job.Segment < segments.Count;

    Task WriteAsync(SessionKey session, PreviewDocument document, CancellationToken cancellationToken) =>
        store.WriteAsync(SessionKey.Pipeline, session.Preview, document, cancellationToken: cancellationToken);
}
