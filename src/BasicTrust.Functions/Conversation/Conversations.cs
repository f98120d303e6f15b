using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.GetCourse;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Conversation;

/// <summary>
/// A session's terugkijkgesprek (<see cref="ConversationRecord"/>): read as placed on the reel shown now, with the
/// practice point of the session before it in the course, and written (audited, without its texts).
/// </summary>
public sealed class Conversations(PipelineStore store, StatusBoard status, CourseSessions course, AuditLog audit, TimeProvider clock)
{
    /// <summary>The session's terugkijkgesprek as <paramref name="viewer"/> sees it.</summary>
    public async Task<ConversationAnswer> GetAsync(SessionKey session, CaseRecord @case, Principal viewer, CancellationToken cancellationToken)
    {
        var record = await course.ConversationAsync(session, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<ClipConversation> unplaced = [];
        if (record is not null && await ReelPlanAsync(session, cancellationToken).ConfigureAwait(false) is { } reel)
            (record, unplaced) = ConversationRules.Place(record, reel.PlanId, reel.Clips);
        var role = @case.RoleOf(viewer.ObjectId);
        return new ConversationAnswer(record is null ? null : SeenBy(record, role, viewer.ObjectId), unplaced, ConversationRecord.MaxTextLength,
            AccessRules.Decide(viewer, role, CaseAction.Upload) == Verdict.Allow, await PreviousAsync(session, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Stores the terugkijkgesprek of the reel of <paramref name="reel"/>, replacing the one before; what was recorded
    /// on an earlier reel and has no clip in this one is kept as it was. Null when the case was purged.
    /// </summary>
    public async Task<ConversationAnswer?> SaveAsync(SessionKey session, PlanDocument reel, IReadOnlyList<ClipConversation> clips, string? practicePoint, CaseRecord @case,
        Principal who, CancellationToken cancellationToken)
    {
        // A purge in progress stops every writer (Sweep removes what slipped in between).
        if (await store.IsPurgedAsync(session.CaseId, cancellationToken).ConfigureAwait(false)) return null;
        var now = clock.GetUtcNow();
        await store.UpdateAsync<ConversationRecord>(SessionKey.Pipeline, session.Conversation, current =>
            new ConversationRecord(reel.PlanId, [.. clips, .. current is null ? [] : ConversationRules.Place(current, reel.PlanId, reel.Clips).Unplaced], practicePoint, who.ObjectId, now),
            cancellationToken).ConfigureAwait(false);
        // What was written stays out of the log: only that it was, by whom, and of which session.
        await audit.WriteAsync(who.ObjectId, "conversation-recorded", $"{SessionKey.Pipeline}/{session.Conversation}", null, cancellationToken).ConfigureAwait(false);
        return await GetAsync(session, @case, who, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The plan of the reel the reel page shows (the last ready one), or null while there is none.</summary>
    public async Task<PlanDocument?> ReelPlanAsync(SessionKey session, CancellationToken cancellationToken) =>
        await status.GetAsync(session, cancellationToken).ConfigureAwait(false) is { ReelPlanId: { } planId }
            ? (await store.ReadAsync<PlanDocument>(SessionKey.Pipeline, session.Plan(planId), cancellationToken).ConfigureAwait(false)).Value
            : null;

    /// <summary>The practice point of the session before this one in the course (<see cref="CourseOrder.Previous"/>), when it recorded one.</summary>
    async Task<PreviousPracticePoint?> PreviousAsync(SessionKey session, CancellationToken cancellationToken)
    {
        var sessions = await course.ListAsync(session.CaseId, cancellationToken).ConfigureAwait(false);
        // A session whose manifest was not received yet is the newest.
        if (CourseOrder.Previous(sessions.Select(s => s.Place), new CoursePlace(session.SessionId, null, clock.GetUtcNow())) is not { } previousId) return null;
        var previous = sessions.First(s => s.Session.SessionId == previousId);
        return await course.ConversationAsync(previous.Session, cancellationToken).ConfigureAwait(false) is { PracticePoint: { } point }
            ? new PreviousPracticePoint(previousId, point, previous.Plan?.Course?.Session)
            : null;
    }

    /// <summary>The owner reads who wrote it by object id; anyone else reads "you" or "colleague", as in the review (<see cref="ReviewReel.ReviewViews"/>).</summary>
    static ConversationRecord SeenBy(ConversationRecord record, CaseRole role, string viewer) =>
        role == CaseRole.Owner ? record : record with { By = record.By == viewer ? "you" : "colleague" };
}
