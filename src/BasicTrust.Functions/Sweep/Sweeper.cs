using Azure.Storage.Blobs.Models;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Consent;
using BasicTrust.Functions.IndexReadyReel;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Functions.PlanSession;
using BasicTrust.Highlights.Manifest;
using Microsoft.Extensions.Options;

namespace BasicTrust.Functions.Sweep;

/// <summary>What a sweep found to re-queue, and how many manifests it planned whose blob event was lost.</summary>
public sealed record SweepResult(IReadOnlyList<ClipJob> ClipJobs, IReadOnlyList<ReelJob> ReelJobs, int Removed, int Indexed, int Planned = 0);

/// <summary>
/// Sweep's service: repairs sessions stuck longer than <see cref="PipelineOptions.StuckAfter"/> (clip jobs or the
/// reel job lost between a worker and the queue), removes the outputs of plans a newer ready plan superseded, and
/// indexes every ready plan the review index lacks: reels ready before the index existed (the backfill) and any whose
/// <c>reels-ready</c> message was lost. When nothing is missing that costs one query of the index's keys. It also plans
/// every manifest whose blob event never arrived (Event Grid gave up, or a DevHost stopped): one listing of the
/// recordings container.
/// </summary>
public sealed class Sweeper(PipelineStore store, StatusBoard status, CaseData data, ReviewIndex index, SessionPlanning planning, CaseAccess cases,
    RecordingErasure erasure, PrivacyStore privacy, IOptions<PipelineOptions> options, IOptions<PrivacyOptions> privacyOptions, TimeProvider clock, ILogger<Sweeper> logger)
{
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var (clipJobs, reelJobs, removed) = (new List<ClipJob>(), new List<ReelJob>(), 0);
        var ready = new List<(SessionKey Session, string PlanId)>();
        var statuses = new Dictionary<SessionKey, SessionStatus>();
        await foreach (var (session, current) in status.ListAsync(null, cancellationToken).ConfigureAwait(false))
        {
            statuses[session] = current;
            switch (SessionLifecycle.DecideSweep(current, clock.GetUtcNow(), options.Value.StuckAfter))
            {
                case SweepDecision.Tidy:
                    ready.Add((session, current.PlanId!));
                    removed += await RemoveSupersededAsync(session, current.PlanId!, cancellationToken).ConfigureAwait(false);
                    break;
                case SweepDecision.Repair:
                    await RepairAsync(session, current.PlanId!, clipJobs, reelJobs, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        var indexed = await BackfillAsync(ready, cancellationToken).ConfigureAwait(false);
        removed += await RemoveAfterPurgeAsync(cancellationToken).ConfigureAwait(false);
        removed += await RemoveAfterErasureAsync(cancellationToken).ConfigureAwait(false);
        removed += await EndGuidanceAsync(cancellationToken).ConfigureAwait(false);
        var planned = await PlanMissedAsync(statuses, clipJobs, cancellationToken).ConfigureAwait(false);
        if (clipJobs.Count + reelJobs.Count + removed + indexed + planned > 0)
            logger.LogInformation("Sweep: planned {Planned} manifests whose event was lost, re-queued {Clips} clip jobs and {Reels} reel jobs, removed {Removed} superseded blobs, indexed {Indexed} ready reels",
                planned, clipJobs.Count, reelJobs.Count, removed, indexed);
        return new SweepResult(clipJobs, reelJobs, removed, indexed, planned);
    }

    /// <summary>
    /// Plans, as PlanSession would, each manifest that no status answers (see <see cref="SessionLifecycle.ManifestMissed"/>);
    /// its clip jobs join the sweep's. One that cannot be planned now is logged and tried on the next sweep.
    /// </summary>
    async Task<int> PlanMissedAsync(Dictionary<SessionKey, SessionStatus> statuses, List<ClipJob> clipJobs, CancellationToken cancellationToken)
    {
        var planned = 0;
        var now = clock.GetUtcNow();
        await foreach (var blob in store.Service.GetBlobContainerClient(SessionKey.Recordings).GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (blob.Name.Split('/') is not [var caseId, var sessionId, "session.json"] || !Ids.IsValid(caseId) || !Ids.IsValid(sessionId)
                || blob.Properties is not { ETag: { } etag, LastModified: { } written }) continue;
            var session = SessionKey.Create(caseId, sessionId);
            if (!SessionLifecycle.ManifestMissed(statuses.GetValueOrDefault(session), etag.ToString(), written, now, options.Value.StuckAfter)) continue;
            try
            {
                var content = (await store.Blob(SessionKey.Recordings, blob.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
                clipJobs.AddRange(await planning.PlanAsync(session, content.Content.ToString(), content.Details.ETag.ToString(), cancellationToken).ConfigureAwait(false));
                planned++;
                logger.LogWarning("{Session}: its manifest's blob event never arrived; planned by the sweep", session);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "{Session}: planning a manifest whose event was lost failed; the next sweep tries again", session);
            }
        }
        return planned;
    }

    /// <summary>Indexes the ready plans the review index lacks; returns how many rows it wrote.</summary>
    async Task<int> BackfillAsync(IReadOnlyList<(SessionKey Session, string PlanId)> ready, CancellationToken cancellationToken)
    {
        var indexed = 0;
        var keys = await index.KeysAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (session, planId) in ready)
            if (!keys.Contains((session.CaseId, session.SessionId, planId))
                && await index.IndexAsync(session, planId, cancellationToken).ConfigureAwait(false) == IndexOutcome.Indexed)
                indexed++;
        return indexed;
    }

    async Task RepairAsync(SessionKey session, string planId, List<ClipJob> clipJobs, List<ReelJob> reelJobs, CancellationToken cancellationToken)
    {
        var plan = (await store.ReadAsync<PlanDocument>(SessionKey.Pipeline, session.Plan(planId), cancellationToken).ConfigureAwait(false)).Value;
        if (plan is null) return;
        var missing = new List<PlannedClip>();
        foreach (var clip in plan.Clips)
            if (!await store.ExistsAsync(SessionKey.Pipeline, session.ClipDone(planId, clip.ClipId), cancellationToken).ConfigureAwait(false))
                missing.Add(clip);
        if (missing.Count > 0)
            clipJobs.AddRange(missing.Select(c => new ClipJob(session.CaseId, session.SessionId, planId, c.ClipId)));
        else if (!await store.ExistsAsync(SessionKey.Reels, session.Reel(planId, "reel.json"), cancellationToken).ConfigureAwait(false))
            reelJobs.Add(new ReelJob(session.CaseId, session.SessionId, planId));
        await status.ApplyAsync(session, new SessionEvent.Repaired(planId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Work in flight at a purge may still write after it (between its check of the tombstone and its write); for a
    /// while after each purge, everything of that case is removed again.
    /// </summary>
    async Task<int> RemoveAfterPurgeAsync(CancellationToken cancellationToken)
    {
        var removed = 0;
        var recent = clock.GetUtcNow() - AfterPurge;
        await foreach (var tombstone in store.Service.GetBlobContainerClient(SessionKey.Audit).GetBlobsAsync(new GetBlobsOptions { Prefix = PipelineStore.TombstonePrefix }, cancellationToken).ConfigureAwait(false))
            if (tombstone.Properties.LastModified > recent)
            {
                var caseId = tombstone.Name[PipelineStore.TombstonePrefix.Length..];
                removed += await data.DeleteAsync(caseId, cancellationToken).ConfigureAwait(false);
                removed += await index.RemoveCaseAsync(caseId, cancellationToken).ConfigureAwait(false);
            }
        return removed;
    }

    /// <summary>As <see cref="RemoveAfterPurgeAsync"/>, for each recording erased recently: its media again.</summary>
    async Task<int> RemoveAfterErasureAsync(CancellationToken cancellationToken)
    {
        var removed = 0;
        var recent = clock.GetUtcNow() - AfterPurge;
        await foreach (var marker in store.Service.GetBlobContainerClient(SessionKey.Audit).GetBlobsAsync(new GetBlobsOptions { Prefix = PipelineStore.ErasurePrefix }, cancellationToken).ConfigureAwait(false))
            if (marker.Properties.LastModified > recent && marker.Name[PipelineStore.ErasurePrefix.Length..].Split('/') is [var caseId, var sessionId])
            {
                var session = SessionKey.Create(caseId, sessionId);
                removed += await data.DeleteMediaAsync(session, cancellationToken).ConfigureAwait(false);
                removed += await index.RemoveSessionAsync(session, cancellationToken).ConfigureAwait(false);
            }
        return removed;
    }

    /// <summary>
    /// Deletes the media of every case whose guidance ended longer than the retention ago (<see cref="PrivacyOptions"/>)
    /// and that is not on hold, leaving the professional record; returns how many blobs it removed.
    /// </summary>
    async Task<int> EndGuidanceAsync(CancellationToken cancellationToken)
    {
        var (removed, now) = (0, clock.GetUtcNow());
        foreach (var caseId in await cases.ClosedBeforeAsync(now - privacyOptions.Value.Retention, cancellationToken).ConfigureAwait(false))
        {
            if (await cases.GetAsync(caseId, cancellationToken).ConfigureAwait(false) is not { } record || record.Privacy.DeleteAt(privacyOptions.Value.Retention) is not { } due || due > now)
                continue;
            foreach (var sessionId in await data.SessionsWithMediaAsync(caseId, cancellationToken).ConfigureAwait(false))
                removed += (await erasure.EraseAsync(SessionKey.Create(caseId, sessionId), CasePrivacy.GuidanceEnded, "pipeline", cancellationToken).ConfigureAwait(false)).Blobs;
            await privacy.MarkMediaDeletedAsync(caseId, now, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Case {CaseId}: the guidance ended on {ClosedAt}; its recordings were deleted", caseId, record.Privacy.ClosedAt);
        }
        return removed;
    }

    /// <summary>Longer than any job can run: the function timeout (1 hour) and its retries.</summary>
    static readonly TimeSpan AfterPurge = TimeSpan.FromHours(3);

    /// <summary>Deletes clips, reels and state of this session's older plans.</summary>
    async Task<int> RemoveSupersededAsync(SessionKey session, string planId, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var container in new[] { SessionKey.Clips, SessionKey.Reels, SessionKey.Pipeline })
        {
            var client = store.Service.GetBlobContainerClient(container);
            var stale = new List<string>();
            await foreach (var blob in client.GetBlobsAsync(new GetBlobsOptions { Prefix = session.Folder + "/" }, cancellationToken).ConfigureAwait(false))
                if (blob.Name.Split('/') is [_, _, var plan, _, ..] && plan != planId) stale.Add(blob.Name);
            foreach (var name in stale)
                if (await client.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)) removed++;
        }
        return removed;
    }
}
