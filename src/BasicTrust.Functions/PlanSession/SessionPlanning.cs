using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Consent;
using BasicTrust.Functions.MakePreview;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Planning;
using BasicTrust.Highlights.Time;
using BasicTrust.Highlights.Validation;
using BasicTrust.Media.Clips;
using BasicTrust.Media.Indexing;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Sources;
using Microsoft.Extensions.Options;

namespace BasicTrust.Functions.PlanSession;

/// <summary>
/// PlanSession's service: validates a session manifest, checks and probes the recording, plans the clips and
/// writes plan and status. Bad input ends as a failed status listing every problem; nothing is cut.
/// </summary>
public sealed class SessionPlanning(PipelineStore store, StatusBoard status, CaseAccess cases, PrivacyStore privacy, AuditLog audit, IOptions<PipelineOptions> options, MediaLimits limits, ILogger<SessionPlanning> logger)
{
    /// <summary>Returns the clip jobs to queue: none when the input is refused or this plan is already under way.</summary>
    /// <remarks><paramref name="manifestVersion"/> (its ETag) goes into the status, which a page that sent it follows.</remarks>
    public async Task<IReadOnlyList<ClipJob>> PlanAsync(SessionKey session, string manifestText, string? manifestVersion, CancellationToken cancellationToken)
    {
        if (await store.IsGoneAsync(session, cancellationToken).ConfigureAwait(false))
        {
            logger.LogWarning("{Session}: the case was purged or the recording erased; its manifest is ignored", session);
            return [];
        }
        var read = ManifestReader.Read(manifestText, session.CaseId, session.SessionId);
        var problems = read.Problems.ToList();
        if (read.Manifest is not { } manifest || Errors(problems).Count > 0)
            return await FailAsync(session, problems, manifestVersion, cancellationToken).ConfigureAwait(false);
        var concerns = await RecordConcernsAsync(session, manifest, cancellationToken).ConfigureAwait(false);
        if (await ConsentProblemsAsync(session, manifest, cancellationToken).ConfigureAwait(false) is { Count: > 0 } consent)
        {
            problems.AddRange(consent);
            return await FailAsync(session, problems, manifestVersion, cancellationToken, concerns).ConfigureAwait(false);
        }

        if (await status.PlannedRecordingAsync(session, cancellationToken).ConfigureAwait(false) is { } planned && planned != manifest.Recording)
        {
            problems.Add(Problem.Error("recording", "one-recording", "problem.one-recording", ("recording", planned)));
            return await FailAsync(session, problems, manifestVersion, cancellationToken, concerns).ConfigureAwait(false);
        }
        var recording = store.Blob(SessionKey.Recordings, session.Recording(manifest.Recording));
        BlobProperties version;
        try
        {
            version = (await recording.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            problems.Add(Problem.Error("recording", "uploaded", "problem.uploaded", ("recording", manifest.Recording)));
            return await FailAsync(session, problems, manifestVersion, cancellationToken, concerns).ConfigureAwait(false);
        }

        if (version.ContentLength == 0)
        {
            problems.Add(Problem.Error("recording", "not-empty", RecordingPreviews.EmptyRecording));
            return await FailAsync(session, problems, manifestVersion, cancellationToken, concerns).ConfigureAwait(false);
        }

        // One relay for the whole plan: the probe and the container index read the same recording, so storage
        // delivers its index once.
        await using var relay = await store.OpenRecordingAsync(recording, version, options.Value.RecordingLinkLifetime, cancellationToken).ConfigureAwait(false);
        // A later round on the same recording: the last plan's probe of it is still true.
        var last = await LastPlanAsync(session, version.ETag, cancellationToken).ConfigureAwait(false);
        MediaSource source;
        try
        {
            source = last is null ? await MediaSource.OpenAsync(relay.Url, limits, cancellationToken).ConfigureAwait(false) : new MediaSource(relay.Url, last.Media);
        }
        catch (UnsupportedMediaException e)
        {
            problems.Add(Problem.Error("recording", "readable-video", e.Reason));
            return await FailAsync(session, problems, manifestVersion, cancellationToken, concerns).ConfigureAwait(false);
        }

        // Emphases are placed on the frame grid the clips are encoded at (the encoding's rate follows from the probe alone).
        var grid = FrameGrid.Parse(ClipEncoding.For(source.Info, manifest.Reel.Height).FrameRate);
        var result = SessionPlanner.Plan(manifest, source.Info.Duration, version.ETag.ToString(), grid);
        problems.AddRange(result.Problems);
        if (result.Plan is not { } plan || Errors(problems).Count > 0)
            return await FailAsync(session, problems, manifestVersion, cancellationToken, concerns).ConfigureAwait(false);

        var decision = SessionLifecycle.DecidePlan(await status.GetAsync(session, cancellationToken).ConfigureAwait(false), plan.PlanId);
        if (decision == PlanDecision.AlreadyUnderWay)
        {
            logger.LogInformation("Session {Session}: plan {PlanId} is already under way or ready; nothing to do", session, plan.PlanId);
            if (manifestVersion is not null) await status.ApplyAsync(session, new SessionEvent.ManifestUnchanged(manifestVersion), cancellationToken).ConfigureAwait(false);
            return [];
        }
        if (!await store.SealAsync(recording, version.ETag, cancellationToken).ConfigureAwait(false))
        {
            problems.Add(Problem.Error("recording", "unchanged", "problem.unchanged", ("recording", manifest.Recording)));
            return await FailAsync(session, problems, manifestVersion, cancellationToken, concerns).ConfigureAwait(false);
        }
        if (await store.RemoveStrayRecordingsAsync(session, manifest.Recording, cancellationToken).ConfigureAwait(false) is > 0 and var strays)
            logger.LogWarning("Session {Session}: removed {Count} other recordings; a session has one", session, strays);
        if (decision == PlanDecision.Restart)
            await store.Blob(SessionKey.Pipeline, session.ReelQueued(plan.PlanId)).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var reused = await LastCutsAsync(session, last, plan.Settings, cancellationToken).ConfigureAwait(false);
        var cuts = reused ?? await PlanCutsAsync(source, plan.Settings, cancellationToken).ConfigureAwait(false);
        if (cuts.Keyframes is not null)
            await store.WriteAsync(SessionKey.Pipeline, session.Keyframes(plan.PlanId), cuts.Keyframes, cancellationToken: cancellationToken).ConfigureAwait(false);
        var document = PlanDocument.From(manifest, plan, version.ETag.ToString(), source.Info, cuts.Encoding, cuts.Reason, Warnings(problems))
            with { CutsFrom = reused is null ? null : last!.PlanId };
        await store.WriteAsync(SessionKey.Pipeline, session.Plan(plan.PlanId), document, cancellationToken: cancellationToken).ConfigureAwait(false);
        await status.ApplyAsync(session, new SessionEvent.Planned(plan.PlanId, plan.Clips.Count, Warnings(problems), concerns, manifestVersion), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Session {Session}: planned {PlanId} with {Clips} clips ({Cut})", session, plan.PlanId, plan.Clips.Count, cuts.Reason);
        return [.. plan.Clips.Select(c => new ClipJob(session.CaseId, session.SessionId, plan.PlanId, c.ClipId))];
    }

    /// <summary>
    /// Records who is on the recording (the privacy page lists it, a withdrawal finds it), then whether consent lets it
    /// be processed (<see cref="ConsentCheck"/>): nothing is cut of a recording someone on it did not consent to.
    /// </summary>
    async Task<IReadOnlyList<Problem>> ConsentProblemsAsync(SessionKey session, SessionManifest manifest, CancellationToken cancellationToken)
    {
        if (manifest.OnRecording is { } onRecording)
            await privacy.RecordOnRecordingAsync(session.CaseId, session.SessionId, onRecording, cancellationToken).ConfigureAwait(false);
        var record = await cases.GetAsync(session.CaseId, cancellationToken).ConfigureAwait(false);
        return ConsentCheck.ForFeedback(manifest.OnRecording, record?.Privacy ?? CasePrivacy.None);
    }

    /// <summary>The session's last plan when it was made of this version of the recording (a later round), else null.</summary>
    async Task<PlanDocument?> LastPlanAsync(SessionKey session, ETag recording, CancellationToken cancellationToken) =>
        await status.GetAsync(session, cancellationToken).ConfigureAwait(false) is { PlanId: { } planId }
        && (await store.ReadAsync<PlanDocument>(SessionKey.Pipeline, session.Plan(planId), cancellationToken).ConfigureAwait(false)).Value is { } plan
        && plan.RecordingETag == recording.ToString() ? plan : null;

    /// <summary>
    /// The last plan's cut decision when it holds for these settings (the same quality, and the encoding the same
    /// recording, height and preset give): the smart-cut trial and the container index need not run again. Else null.
    /// </summary>
    async Task<CutPlan?> LastCutsAsync(SessionKey session, PlanDocument? last, ReelSettings settings, CancellationToken cancellationToken)
    {
        if (last is null || last.Quality != settings.Quality
            || (last.Encoding with { Match = null }) != ClipEncoding.For(last.Media, settings.Height, options.Value.Preset)) return null;
        var keyframes = (await store.ReadAsync<KeyframeIndex>(SessionKey.Pipeline, session.Keyframes(last.PlanId), cancellationToken).ConfigureAwait(false)).Value;
        return new CutPlan(last.Encoding, keyframes, last.CutReason ?? "");
    }

    /// <summary>
    /// Reads the recording's container index (its keyframes are kept next to the plan, so no clip probes for them)
    /// and decides for the whole plan how its clips are cut.
    /// </summary>
    async Task<CutPlan> PlanCutsAsync(MediaSource source, ReelSettings settings, CancellationToken cancellationToken)
    {
        var work = WorkFolders.Create("plan");
        try
        {
            return await CutPlan.DecideAsync(source, settings.Quality, settings.Height, options.Value.Preset, work.FullName,
                limits.RunOptions(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    async Task<IReadOnlyList<ClipJob>> FailAsync(SessionKey session, List<Problem> problems, string? manifestVersion, CancellationToken cancellationToken, IReadOnlyList<StatusConcern>? concerns = null)
    {
        logger.LogInformation("Session {Session}: refused with {Count} problems", session, Errors(problems).Count);
        await status.ApplyAsync(session, new SessionEvent.Refused(Errors(problems), Warnings(problems), concerns ?? [], manifestVersion), cancellationToken).ConfigureAwait(false);
        return [];
    }

    /// <summary>
    /// A tag flagging a safety concern is written to the audit log once (its session and tag id, never its note) and
    /// listed in the status. The product records; following the reporting code (meldcode) is the therapist's decision.
    /// </summary>
    async Task<IReadOnlyList<StatusConcern>> RecordConcernsAsync(SessionKey session, SessionManifest manifest, CancellationToken cancellationToken)
    {
        var concerns = manifest.Tags.Where(t => t.Concern).ToList();
        foreach (var tag in concerns)
        {
            var marker = store.Blob(SessionKey.Pipeline, session.ConcernAudited(tag.Id));
            if (await marker.ExistsAsync(cancellationToken).ConfigureAwait(false)) continue;
            // Written before the marker: a crash in between gives a second entry rather than none.
            await audit.WriteAsync("pipeline", "safety-concern", $"{session.Folder}/tags/{tag.Id}", null, cancellationToken).ConfigureAwait(false);
            await store.CreateMarkerAsync(session.ConcernAudited(tag.Id), tag.Id, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Session {Session}: tag {TagId} flags a safety concern; audited", session, tag.Id);
        }
        return [.. concerns.Select(t => new StatusConcern(t.Id, Math.Round(t.Start.TotalSeconds, 3), Math.Round(t.End.TotalSeconds, 3)))];
    }

    static List<FieldProblem> Errors(IEnumerable<Problem> problems) => [.. problems.Where(p => p.Severity == Severity.Error).Select(FieldProblem.From)];
    static List<FieldProblem> Warnings(IEnumerable<Problem> problems) => [.. problems.Where(p => p.Severity == Severity.Warning).Select(FieldProblem.From)];
}
