using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.GetCourse;

/// <summary>One of a case's sessions as the course reads it: its status and its latest plan (null before it was planned).</summary>
public sealed record CourseSession(SessionKey Session, SessionStatus Status, PlanDocument? Plan)
{
    public CoursePlace Place => new(Session.SessionId, Plan?.Course?.Session, Status.CreatedAt);
}

/// <summary>A case's sessions and their terugkijkgesprekken, read for the course (<see cref="CourseOrder"/> puts them in order).</summary>
public sealed class CourseSessions(StatusBoard status, PipelineStore store)
{
    /// <summary>The case's sessions that have a status (their manifest was received), each with the plan the status names.</summary>
    public async Task<IReadOnlyList<CourseSession>> ListAsync(string caseId, CancellationToken cancellationToken)
    {
        var statuses = new List<(SessionKey Session, SessionStatus Current)>();
        await foreach (var entry in status.ListAsync(caseId, cancellationToken).ConfigureAwait(false)) statuses.Add(entry);
        // The plans are read together, not one session after another.
        return await Task.WhenAll(statuses.Select(async s => new CourseSession(s.Session, s.Current, s.Current.PlanId is { } planId
            ? (await store.ReadAsync<PlanDocument>(SessionKey.Pipeline, s.Session.Plan(planId), cancellationToken).ConfigureAwait(false)).Value
            : null))).ConfigureAwait(false);
    }

    /// <summary>The session's terugkijkgesprek as stored, or null before one was recorded.</summary>
    public async Task<ConversationRecord?> ConversationAsync(SessionKey session, CancellationToken cancellationToken) =>
        (await store.ReadAsync<ConversationRecord>(SessionKey.Pipeline, session.Conversation, cancellationToken).ConfigureAwait(false)).Value;
}
