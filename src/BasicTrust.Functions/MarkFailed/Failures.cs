using System.Text.Json;
using Azure;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.MarkFailed;

/// <summary>MarkFailed's service: a job that exhausted its retries marks its session failed, with the reason.</summary>
public sealed class Failures(PipelineStore store, StatusBoard status, ILogger<Failures> logger)
{
    /// <summary>Marks the session of a poisoned clip or reel job failed. A message that names no valid session is logged and dropped.</summary>
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

        var problem = job.ClipId is null
            ? new StatusProblem("reel", "assembled", "The reel could not be assembled after repeated attempts.")
            : new StatusProblem($"clips.{job.ClipId}", "cut", await ClipReasonAsync(session, job, cancellationToken).ConfigureAwait(false));
        await status.FailAsync(session, job.PlanId, [problem], null, cancellationToken).ConfigureAwait(false);
        logger.LogWarning("Session {Session}: plan {PlanId} failed ({Rule})", session, job.PlanId, problem.Rule);
    }

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
