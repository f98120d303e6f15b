using BasicTrust.Functions.Pipeline;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Texts;
using BasicTrust.Media.Clips;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Indexing;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Sources;
using Microsoft.Extensions.Options;

namespace BasicTrust.Functions.CutClip;

/// <summary>
/// CutClip's service: cuts one clip from the recording through a short-lived read link, uploads clip, still and
/// metadata, marks it done, and tells the worker that completes the set to queue the reel.
/// </summary>
public sealed class ClipCutting(PipelineStore store, ClipReuse reuse, StatusBoard status, IOptions<PipelineOptions> options, MediaLimits limits, ILogger<ClipCutting> logger)
{
    /// <summary>
    /// Returns the reel job when this call completed the set (or, on a retry, finds every clip done and no reel).
    /// Work already done for this plan is skipped; jobs of a superseded plan are dropped.
    /// </summary>
    public async Task<ReelJob?> CutAsync(ClipJob job, bool isRetry, CancellationToken cancellationToken)
    {
        var session = Messages.Session(job.CaseId, job.SessionId);
        var planId = Messages.PlanId(job.PlanId);
        var clipId = Messages.ClipId(job.ClipId, planId);
        if (await status.DecideJobAsync(session, planId, cancellationToken).ConfigureAwait(false) is var decision and not JobDecision.Run)
        {
            logger.LogInformation("Clip {ClipId}: {Decision}", clipId, decision);
            return null;
        }
        var plan = (await store.ReadAsync<PlanDocument>(SessionKey.Pipeline, session.Plan(planId), cancellationToken).ConfigureAwait(false)).Value
            ?? throw new InvalidOperationException($"Plan {planId} has no plan.json.");
        if (plan.Clip(clipId) is not { } clip)
        {
            logger.LogWarning("Clip {ClipId} is not part of plan {PlanId}; the job is dropped", clipId, planId);
            return null;
        }

        if (!await store.ExistsAsync(SessionKey.Pipeline, session.ClipDone(planId, clipId), cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                if (!await CutAndUploadAsync(session, plan, clip, cancellationToken).ConfigureAwait(false)) return null;
                Telemetry.PipelineTelemetry.ClipCut(System.Diagnostics.Stopwatch.GetElapsedTime(started), clip.Out - clip.In);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Kept for MarkFailed, in case every attempt fails: the plain reason (its catalogue key), never a link.
                await store.Blob(SessionKey.Pipeline, session.ClipError(planId, clipId))
                    .UploadAsync(BinaryData.FromObjectAsJson(PlainReason(e), Json.Options), overwrite: true, cancellationToken).ConfigureAwait(false);
                throw;
            }
            await store.CreateMarkerAsync(session.ClipDone(planId, clipId), clipId, cancellationToken).ConfigureAwait(false);
        }

        var done = await store.CountAsync(SessionKey.Pipeline, session.PlanFolder(planId) + "/done/", cancellationToken).ConfigureAwait(false);
        await status.ApplyAsync(session, new SessionEvent.ClipCut(planId, done), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Clip {ClipId}: done ({Done}/{Total})", clipId, done, plan.Clips.Count);
        if (done < plan.Clips.Count) return null;

        // A nonce makes the marker this call's own, so a lost answer to its write is not taken for another worker's.
        var createdMarker = await store.CreateMarkerAsync(session.ReelQueued(planId), $"{planId} {Guid.NewGuid():N}", cancellationToken).ConfigureAwait(false);
        var reelStored = !createdMarker && await store.ExistsAsync(SessionKey.Reels, session.Reel(planId, "reel.json"), cancellationToken).ConfigureAwait(false);
        return SessionLifecycle.QueuesReel(createdMarker, isRetry, reelStored) ? new ReelJob(session.CaseId, session.SessionId, planId) : null;
    }

    /// <summary>
    /// False when the case was purged or the recording erased while the clip was being made: then nothing is uploaded.
    /// What an earlier plan of the session already made with the same identity (<see cref="ClipIdentity"/>) is copied
    /// within storage, not cut.
    /// </summary>
    async Task<bool> CutAndUploadAsync(SessionKey session, PlanDocument plan, PlannedClip clip, CancellationToken cancellationToken)
    {
        var files = new ClipFiles(session, plan, clip);
        var earlier = await reuse.FindAsync(session, plan.PlanId, files.VideoIdentity, files.StillIdentity, cancellationToken).ConfigureAwait(false);
        if (await store.IsGoneAsync(session, cancellationToken).ConfigureAwait(false)) return false;
        var videoFrom = earlier.Video is { } v && await reuse.CopyAsync(v.Video, files.Name("mp4"), files.Metadata(v.Cut, files.VideoIdentity), cancellationToken).ConfigureAwait(false) ? v : null;
        var stillFrom = earlier.Still is { SmallStill: { } small } s
            && await reuse.CopyAsync(s.Still, files.Name("jpg"), files.Metadata(s.Cut, files.StillIdentity), cancellationToken).ConfigureAwait(false)
            && await reuse.CopyAsync(small, files.Name("small.jpg"), files.Metadata(s.Cut, files.StillIdentity), cancellationToken).ConfigureAwait(false) ? s : null;

        ClipDocument? document;
        if (videoFrom is not null && stillFrom is not null)
        {
            logger.LogInformation("Clip {ClipId}: video and still reused from {Earlier} and {EarlierStill}", clip.ClipId, videoFrom.ClipId, stillFrom.ClipId);
            document = files.Document(null, videoFrom);
        }
        else if ((document = await MakeAsync(files, videoFrom, makeStill: stillFrom is null, cancellationToken).ConfigureAwait(false)) is null)
            return false;
        // The JSON goes last: its presence means the clip's files are complete.
        await store.WriteAsync(SessionKey.Clips, files.Name("json"), document, cancellationToken: cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Cuts what was not reused from the recording: the video unless <paramref name="videoFrom"/> gave it, the still and
    /// its small copy when <paramref name="makeStill"/>; uploads them and answers the clip's document, or null when the
    /// session is gone meanwhile.
    /// </summary>
    async Task<ClipDocument?> MakeAsync(ClipFiles files, ClipDocument? videoFrom, bool makeStill, CancellationToken cancellationToken)
    {
        var (session, plan, clip) = (files.Session, files.Plan, files.Clip);
        var recording = store.Blob(SessionKey.Recordings, session.Recording(plan.Recording));
        var version = (await recording.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        if (version.ETag.ToString() != plan.RecordingETag)
            throw new UnsupportedMediaException("problem.cut.replaced");
        await using var relay = await store.OpenRecordingAsync(recording, version, options.Value.RecordingLinkLifetime, cancellationToken).ConfigureAwait(false);
        var source = new MediaSource(relay.Url, plan.Media);
        var run = limits.RunOptions();
        var work = WorkFolders.Create("clip");
        try
        {
            var (video, still, smallStill) = (Path.Combine(work.FullName, "clip.mp4"), Path.Combine(work.FullName, "still.jpg"), Path.Combine(work.FullName, "still-small.jpg"));
            (ClipAccuracy Accuracy, CutMethod Cut)? made = null;
            if (videoFrom is null)
            {
                var request = new ClipRequest(clip.In, clip.Out, clip.Title, clip.Comment);
                var keyframes = (await store.ReadAsync<KeyframeIndex>(SessionKey.Pipeline, session.Keyframes(plan.PlanId), cancellationToken).ConfigureAwait(false)).Value;
                made = await ClipCutter.CutAsync(source, request, plan.Quality, plan.Encoding, keyframes, video, run, cancellationToken).ConfigureAwait(false);
            }
            if (makeStill)
            {
                await Still.SaveAsync(source, clip.StillAt, plan.Encoding, still, run, cancellationToken).ConfigureAwait(false);
                await Still.SaveSmallAsync(still, smallStill, run, cancellationToken).ConfigureAwait(false);
            }
            Telemetry.PipelineTelemetry.ClipRead(relay.BytesFetched);
            if (await store.IsGoneAsync(session, cancellationToken).ConfigureAwait(false)) return null;

            var cut = made?.Cut ?? videoFrom!.Cut;
            if (made is { } m)
                await store.UploadFileAsync(SessionKey.Clips, files.Name("mp4"), video, "video/mp4", files.Metadata(m.Cut, files.VideoIdentity), cancellationToken).ConfigureAwait(false);
            if (makeStill)
            {
                await store.UploadFileAsync(SessionKey.Clips, files.Name("jpg"), still, "image/jpeg", files.Metadata(cut, files.StillIdentity), cancellationToken).ConfigureAwait(false);
                await store.UploadFileAsync(SessionKey.Clips, files.Name("small.jpg"), smallStill, "image/jpeg", files.Metadata(cut, files.StillIdentity), cancellationToken).ConfigureAwait(false);
            }
            return files.Document(made, videoFrom);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>One clip's blobs: their names, identities, metadata and the document that lists them.</summary>
    sealed record ClipFiles(SessionKey Session, PlanDocument Plan, PlannedClip Clip)
    {
        public string VideoIdentity { get; } = ClipIdentity.Video(Plan, Clip);
        public string StillIdentity { get; } = ClipIdentity.Still(Plan, Clip);

        public string Name(string extension) => Session.Clip(Plan.PlanId, Clip.ClipId, extension);

        /// <summary>Ids and codes only: nothing that names or describes the family.</summary>
        public Dictionary<string, string> Metadata(CutMethod cut, string identity) => new()
        {
            ["planid"] = Plan.PlanId, ["clipid"] = Clip.ClipId, ["valence"] = Clip.Valence.ToString().ToLowerInvariant(), ["cut"] = Json.Name(cut),
            [ClipIdentity.MetadataKey] = identity,
        };

        /// <summary>The document of a clip cut now (<paramref name="made"/>), or of one whose video an earlier plan made.</summary>
        public ClipDocument Document((ClipAccuracy Accuracy, CutMethod Cut)? made, ClipDocument? videoFrom) => made is { } m
            ? ClipDocument.From(Clip, Plan.PlanId, m.Accuracy, m.Cut, Stored("mp4"), Stored("jpg"), Stored("small.jpg"), Plan.CutReason)
            : ClipDocument.Reused(Clip, Plan.PlanId, videoFrom!, Stored("mp4"), Stored("jpg"), Stored("small.jpg"), Plan.CutReason);

        string Stored(string extension) => $"{SessionKey.Clips}/{Name(extension)}";
    }

    /// <summary>What a therapist can act on; FFmpeg's details stay in the log.</summary>
    static Sentence PlainReason(Exception e) => e switch
    {
        UnsupportedMediaException u => u.Reason,
        MediaProcessException => Sentence.Of("problem.cut.ffmpeg"),
        _ => Sentence.Of("problem.cut.stored"),
    };
}
