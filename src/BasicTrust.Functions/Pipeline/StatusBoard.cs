using System.Runtime.CompilerServices;
using Azure.Storage.Blobs.Models;
using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Functions.Pipeline;

/// <summary>
/// Persists <c>status.json</c>; what a change does is <see cref="SessionLifecycle"/>'s to say. Clip workers finish
/// concurrently, so every change is a read, apply and conditional write (If-Match on the ETag).
/// </summary>
public sealed class StatusBoard(PipelineStore store, TimeProvider clock)
{
    public async Task<SessionStatus?> GetAsync(SessionKey session, CancellationToken cancellationToken) =>
        (await store.ReadAsync<SessionStatus>(SessionKey.Pipeline, session.Status, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>
    /// Every session that has a status, of one case (<c>{caseId}/{sessionId}/status.json</c> under its folder) or, when
    /// <paramref name="caseId"/> is null, of all cases. Names that are not a session's status are passed over.
    /// </summary>
    public async IAsyncEnumerable<(SessionKey Session, SessionStatus Status)> ListAsync(string? caseId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new GetBlobsOptions { Prefix = caseId is null ? null : caseId + "/" };
        await foreach (var blob in store.Service.GetBlobContainerClient(SessionKey.Pipeline).GetBlobsAsync(options, cancellationToken).ConfigureAwait(false))
        {
            if (blob.Name.Split('/') is not [var owner, var sessionId, "status.json"] || !Ids.IsValid(owner) || !Ids.IsValid(sessionId)) continue;
            var session = SessionKey.Create(owner, sessionId);
            if (await GetAsync(session, cancellationToken).ConfigureAwait(false) is { } status) yield return (session, status);
        }
    }

    /// <summary>
    /// Writes the status <see cref="SessionLifecycle.Apply"/> gives for <paramref name="event"/>, read and written again
    /// when another worker wrote in between. False when the event changed nothing.
    /// </summary>
    public async Task<bool> ApplyAsync(SessionKey session, SessionEvent @event, CancellationToken cancellationToken)
    {
        var changed = false;
        SessionStatus? ended = null;
        await store.UpdateAsync<SessionStatus>(SessionKey.Pipeline, session.Status, current =>
        {
            var next = SessionLifecycle.Apply(current, session, @event);
            changed = next is not null;
            ended = next is { State: SessionState.Ready or SessionState.Failed } && next.State != current?.State ? next : null;
            var now = clock.GetUtcNow();
            return next is null ? null : next with { UpdatedAt = now, CreatedAt = current?.CreatedAt ?? now };
        }, cancellationToken).ConfigureAwait(false);
        if (ended is not null) Telemetry.PipelineTelemetry.SessionEnded(ended);
        return changed;
    }

    /// <summary>Whether a clip or reel job of <paramref name="planId"/> runs (<see cref="SessionLifecycle.DecideJob"/>).</summary>
    public async Task<JobDecision> DecideJobAsync(SessionKey session, string planId, CancellationToken cancellationToken) =>
        SessionLifecycle.DecideJob(await GetAsync(session, cancellationToken).ConfigureAwait(false), planId,
            await store.IsGoneAsync(session, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// The file name of the recording the session's current plan was made from, or null before its first plan. A
    /// session has one recording: any other in its folder is a stray that a link handed out earlier added.
    /// </summary>
    public async Task<string?> PlannedRecordingAsync(SessionKey session, CancellationToken cancellationToken) =>
        await GetAsync(session, cancellationToken).ConfigureAwait(false) is { PlanId: { } planId }
            ? (await store.ReadAsync<PlanDocument>(SessionKey.Pipeline, session.Plan(planId), cancellationToken).ConfigureAwait(false)).Value?.Recording
            : null;

    /// <summary>The session's ready plan, or null while it has no ready reel.</summary>
    public async Task<string?> ReadyPlanAsync(SessionKey session, CancellationToken cancellationToken) =>
        await GetAsync(session, cancellationToken).ConfigureAwait(false) is { State: SessionState.Ready, PlanId: { } planId } ? planId : null;
}
