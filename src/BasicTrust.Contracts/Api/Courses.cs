using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Contracts.Api;

/// <summary>
/// <c>GET /api/cases/{caseId}/course</c>: the case's course across its sessions. <c>Goals</c> are every session's
/// treatment goals (by id, the text of the latest session that has it); <c>Sessions</c> are in course order, each with
/// its moments per goal (every goal, 0 where it has none), so a chart and a table read the same numbers.
/// </summary>
public sealed record CourseAnswer(IReadOnlyList<Goal> Goals, IReadOnlyList<SessionInCourse> Sessions);

/// <summary>
/// One session of the course: its place in the course order (<c>Number</c>, from 1), when it was first received, the
/// strength and learning moments its latest plan shows per goal, the practice point recorded after it, and the
/// manifest's <c>course</c> (session 3 of 8) when it gave one.
/// </summary>
public sealed record SessionInCourse(string SessionId, int Number, DateTimeOffset CreatedAt, IReadOnlyList<GoalMoments> Goals, Course? Course = null,
    string? PracticePoint = null);

/// <summary>How many of a session's moments in the reel show one goal, as a strength and as a learning moment.</summary>
public sealed record GoalMoments(string GoalId, int Strengths, int Learning);
