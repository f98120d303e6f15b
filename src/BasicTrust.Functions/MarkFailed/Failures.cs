using System.Text.Json;
using Azure;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.MarkFailed;

/// <summary>MarkFailed's service: a job that exhausted its retries marks its session failed, with the reason.</summary>
public sealed class Failures(PipelineStore store, StatusBoard status, ILogger<Failures> logger)
{
    /// <summary>
    /// Marks the plan of a poisoned clip or reel job failed, while it is in flight. A message that names no valid
    /// session, no plan in flight or a clip outside its plan is logged and dropped.
    /// </summary>
    public async Task MarkAsync(string messageText, CancellationToken cancellationToken)
    {
        ClipJob? job;
        SessionKey session;
        try
        {
            job = JsonSerializer.Deserialize<ClipJob>(messageText, Json.Options);
            session = SessionKey.Create(job?.CaseId, job?.SessionId);
            Messages.PlanId(job!.PlanId);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidMessageException)
        {
            logger.LogWarning("A poison message names no valid session and was dropped: {Reason}", e.Message);
            return;
        }

        if (job.ClipId is not null && !await InPlanAsync(session, job, cancellationToken).ConfigureAwait(false))
        {
            logger.LogWarning("A poison message names clip {ClipId}, which plan {PlanId} of {Session} does not have; dropped", job.ClipId, job.PlanId, session);
            return;
        }
        var problem = job.ClipId is null
            ? new FieldProblem("reel", "assembled", "The reel could not be assembled after repeated attempts.")
            : new FieldProblem($"clips.{job.ClipId}", "cut", await ClipReasonAsync(session, job, cancellationToken).ConfigureAwait(false));
        if (await status.ApplyAsync(session, new SessionEvent.JobPoisoned(job.PlanId, problem), cancellationToken).ConfigureAwait(false))
            logger.LogWarning("Session {Session}: plan {PlanId} failed ({Rule})", session, job.PlanId, problem.Rule);
        else
            logger.LogWarning("A poison message for plan {PlanId} of {Session}, which is not in flight, was dropped", job.PlanId, session);
    }

    async Task<bool> InPlanAsync(SessionKey session, ClipJob job, CancellationToken cancellationToken) =>
        (await store.ReadAsync<PlanDocument>(SessionKey.Pipeline, session.Plan(job.PlanId), cancellationToken).ConfigureAwait(false)).Value?.Clip(job.ClipId!) is not null;

    async Task<string> ClipReasonAsync(SessionKey session, ClipJob job, CancellationToken cancellationToken)
    {
        try
        {
            var reason = (await store.Blob(SessionKey.Pipeline, session.ClipError(job.PlanId, job.ClipId)).DownloadContentAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.Content.ToString();
            return $"Clip {job.ClipId} could not be cut: {reason}";
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return $"Clip {job.ClipId} could not be cut after repeated attempts.";
        }
    }
}
