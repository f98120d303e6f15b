using System.Text.Json;
using Azure;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Highlights.Texts;

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
            ? FieldProblem.Create("reel", "assembled", "problem.assembled")
            : await ClipProblemAsync(session, job, cancellationToken).ConfigureAwait(false);
        if (await status.ApplyAsync(session, new SessionEvent.JobPoisoned(job.PlanId, problem), cancellationToken).ConfigureAwait(false))
            logger.LogWarning("Session {Session}: plan {PlanId} failed ({Rule})", session, job.PlanId, problem.Rule);
        else
            logger.LogWarning("A poison message for plan {PlanId} of {Session}, which is not in flight, was dropped", job.PlanId, session);
    }

    async Task<bool> InPlanAsync(SessionKey session, ClipJob job, CancellationToken cancellationToken) =>
        (await store.ReadAsync<PlanDocument>(SessionKey.Pipeline, session.Plan(job.PlanId), cancellationToken).ConfigureAwait(false)).Value?.Clip(job.ClipId!) is not null;

    /// <summary>Why the clip could not be cut, as its last attempt wrote it down (the path names the clip).</summary>
    async Task<FieldProblem> ClipProblemAsync(SessionKey session, ClipJob job, CancellationToken cancellationToken)
    {
        var path = $"clips.{job.ClipId}";
        string written;
        try
        {
            written = (await store.Blob(SessionKey.Pipeline, session.ClipError(job.PlanId, job.ClipId)).DownloadContentAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return FieldProblem.Create(path, "cut", "problem.cut", ("clipId", job.ClipId!));
        }
        return Reason(written) is { } reason
            ? FieldProblem.Create(path, "cut", reason)
            : new FieldProblem(path, "cut", written); // written before reasons had keys: the English sentence as it was
    }

    static Sentence? Reason(string written)
    {
        try { return JsonSerializer.Deserialize<Sentence>(written, Json.Options) is { Key: not null, Args: not null } reason ? reason : null; }
        catch (JsonException) { return null; }
    }
}
