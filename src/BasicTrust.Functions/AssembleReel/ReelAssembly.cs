using BasicTrust.Functions.Pipeline;
using BasicTrust.Highlights.Planning;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Reels;
using BasicTrust.Media.Sources;

namespace BasicTrust.Functions.AssembleReel;

/// <summary>
/// AssembleReel's service: joins the plan's clips into <c>reel.mp4</c> with chapters and captions (a clip with an
/// emphasis through its reel version), writes <c>reel.vtt</c> and <c>reel.json</c>, and marks the session ready.
/// </summary>
public sealed class ReelAssembly(PipelineStore store, StatusBoard status, MediaLimits limits, TimeProvider clock, ILogger<ReelAssembly> logger)
{
    /// <summary>
    /// The reels-ready message, or null when the plan was superseded or its reel was announced already. A reel already
    /// built is not built again. <paramref name="messageId"/> is the reel job's queue message id: the one message
    /// that announces a plan may announce it again on redelivery (its first announcement may not have been written),
    /// any other reel job for the same plan does not, so reels-ready carries each plan once.
    /// </summary>
    public async Task<ReelReady?> AssembleAsync(ReelJob job, string messageId, CancellationToken cancellationToken)
    {
        var session = Messages.Session(job.CaseId, job.SessionId);
        var planId = Messages.PlanId(job.PlanId);
        if (await status.DecideJobAsync(session, planId, cancellationToken).ConfigureAwait(false) is var decision and not JobDecision.Run)
        {
            logger.LogInformation("Reel {PlanId}: {Decision}", planId, decision);
            return null;
        }
        var plan = (await store.ReadAsync<PlanDocument>(SessionKey.Pipeline, session.Plan(planId), cancellationToken).ConfigureAwait(false)).Value
            ?? throw new InvalidOperationException($"Plan {planId} has no plan.json.");

        if (!await store.ExistsAsync(SessionKey.Reels, session.Reel(planId, "reel.json"), cancellationToken).ConfigureAwait(false))
        {
            await status.ApplyAsync(session, new SessionEvent.Assembling(planId, plan.Clips.Count), cancellationToken).ConfigureAwait(false);
            if (!await BuildAsync(session, plan, cancellationToken).ConfigureAwait(false)) return null;
        }
        await status.ApplyAsync(session, new SessionEvent.ReelStored(planId, plan.Clips.Count, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Reel {PlanId}: ready", planId);
        if (!await store.CreateMarkerAsync(session.ReadyAnnounced(planId), messageId, cancellationToken).ConfigureAwait(false)) return null;
        return new ReelReady(session.CaseId, session.SessionId, planId, plan.NextSessionAt,
            $"{SessionKey.Reels}/{session.Reel(planId, "reel.mp4")}",
            [.. plan.Clips.Select(c => $"{SessionKey.Clips}/{session.Clip(planId, c.ClipId, "mp4")}")]);
    }

    /// <summary>False when the case was purged while the reel was being built: then nothing is uploaded.</summary>
    async Task<bool> BuildAsync(SessionKey session, PlanDocument plan, CancellationToken cancellationToken)
    {
        var work = WorkFolders.Create("reel");
        try
        {
            var files = new List<string>();
            var clips = new List<ClipDocument>();
            foreach (var clip in plan.Clips)
            {
                var file = Path.Combine(work.FullName, $"{clip.ClipId}.mp4");
                await store.DownloadFileAsync(SessionKey.Clips, session.Clip(plan.PlanId, clip.ClipId, "mp4"), file, cancellationToken).ConfigureAwait(false);
                files.Add(clip.Emphases is { Count: > 0 } emphases ? await EmphasiseAsync(plan, clip, emphases, file, cancellationToken).ConfigureAwait(false) : file);
                clips.Add((await store.ReadAsync<ClipDocument>(SessionKey.Clips, session.Clip(plan.PlanId, clip.ClipId, "json"), cancellationToken).ConfigureAwait(false)).Value
                    ?? throw new InvalidOperationException($"Clip {clip.ClipId} has no metadata yet."));
            }
            var reel = Path.Combine(work.FullName, "reel.mp4");
            var captions = Path.Combine(work.FullName, "reel.vtt");
            await ReelAssembler.AssembleAsync(new ReelInput(files, $"{plan.CaseId} {plan.SessionId}", plan.Chapters, plan.Cues, plan.Language), reel,
                limits.RunOptions(), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(captions, WebVtt.Write(plan.Cues), cancellationToken).ConfigureAwait(false);
            if (await store.IsGoneAsync(session, cancellationToken).ConfigureAwait(false)) return false;

            var metadata = new Dictionary<string, string> { ["planid"] = plan.PlanId };
            await store.UploadFileAsync(SessionKey.Reels, session.Reel(plan.PlanId, "reel.mp4"), reel, "video/mp4", metadata, cancellationToken).ConfigureAwait(false);
            await store.UploadFileAsync(SessionKey.Reels, session.Reel(plan.PlanId, "reel.vtt"), captions, "text/vtt", metadata, cancellationToken).ConfigureAwait(false);
            var document = new ReelDocument(plan.CaseId, plan.SessionId, plan.PlanId, plan.Method, plan.NextSessionAt, Math.Round(plan.Duration.TotalSeconds, 3),
                $"{SessionKey.Reels}/{session.Reel(plan.PlanId, "reel.mp4")}", $"{SessionKey.Reels}/{session.Reel(plan.PlanId, "reel.vtt")}",
                [.. plan.Chapters.Select(ReelChapter.From)], clips, clock.GetUtcNow(),
                ReelCourse.From(plan.Course, plan.Language), ReelGoal.From(plan), plan.Considered ?? [], [.. (plan.Concerns ?? []).Select(ReelConcern.From)],
                plan.People ?? [], plan.Warnings ?? [], [.. (plan.Emphases ?? []).Select(ReelEmphasis.From)], plan.Media.Video.Hdr);
            // reel.json goes last: its presence means the reel is complete.
            await store.WriteAsync(SessionKey.Reels, session.Reel(plan.PlanId, "reel.json"), document, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The clip's version for this reel, with its freezes and slow motion made in it, next to the downloaded clip; the
    /// clip's blob stays as cut (reviewers download it, and it is what the clip's timing describes).
    /// </summary>
    async Task<string> EmphasiseAsync(PlanDocument plan, PlannedClip clip, IReadOnlyList<ClipEmphasis> emphases, string file, CancellationToken cancellationToken)
    {
        var version = Path.ChangeExtension(file, ".reel.mp4");
        await EmphasisRenderer.RenderAsync(file, emphases, plan.Encoding, version, limits.RunOptions(), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Reel {PlanId}: clip {ClipId} with {Count} emphases", plan.PlanId, clip.ClipId, emphases.Count);
        return version;
    }
}
