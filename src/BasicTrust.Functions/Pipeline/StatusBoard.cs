using System.Runtime.CompilerServices;
using Azure.Storage.Blobs.Models;
using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Functions.Pipeline;

/// <summary>
/// Reads and changes <c>status.json</c>. Clip workers finish concurrently, so every change is a read,
/// modify and conditional write (If-Match on the ETag), repeated when another worker wrote in between.
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
    /// Applies <paramref name="change"/> to the current status (null when there is none yet); returning null
    /// leaves it as it is. Returns the status as written, or the unchanged one.
    /// </summary>
    public Task<SessionStatus?> UpdateAsync(SessionKey session, Func<SessionStatus?, SessionStatus?> change, CancellationToken cancellationToken) =>
        store.UpdateAsync<SessionStatus>(SessionKey.Pipeline, session.Status, current =>
        {
            var now = clock.GetUtcNow();
            return change(current) is { } next ? next with { UpdatedAt = now, CreatedAt = current?.CreatedAt ?? now } : null;
        }, cancellationToken);

    /// <summary>The session's ready plan, or null while it has no ready reel.</summary>
    public async Task<string?> ReadyPlanAsync(SessionKey session, CancellationToken cancellationToken) =>
        await GetAsync(session, cancellationToken).ConfigureAwait(false) is { State: SessionState.Ready, PlanId: { } planId } ? planId : null;

    /// <summary>
    /// A poisoned job fails only the plan it names, and only while that plan is the session's current one and not yet
    /// ready or failed: a stray or late job never fails a ready session, nor creates a status. False when nothing changed.
    /// </summary>
    public async Task<bool> FailInFlightAsync(SessionKey session, string planId, FieldProblem error, CancellationToken cancellationToken)
    {
        var changed = false;
        await UpdateAsync(session, current =>
        {
            changed = current is { State: SessionState.Planned or SessionState.Cutting or SessionState.Assembling } && current.PlanId == planId;
            return changed ? current! with { State = SessionState.Failed, Errors = [error] } : null;
        }, cancellationToken).ConfigureAwait(false);
        return changed;
    }

    /// <summary>Marks the session failed with these problems, unless a newer plan has taken over.</summary>
    public Task<SessionStatus?> FailAsync(SessionKey session, string? planId, IReadOnlyList<FieldProblem> errors, IReadOnlyList<FieldProblem>? warnings, CancellationToken cancellationToken) =>
        UpdateAsync(session, current =>
            current is not null && planId is not null && current.PlanId != planId ? null
            : new SessionStatus
            {
                CaseId = session.CaseId, SessionId = session.SessionId, PlanId = planId, State = SessionState.Failed,
                ClipsDone = current?.ClipsDone ?? 0, ClipsTotal = current?.ClipsTotal ?? 0, Errors = errors, Warnings = warnings ?? current?.Warnings ?? [],
            }, cancellationToken);
}
