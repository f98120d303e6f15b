using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Functions.GetCourse;

/// <summary>What the course view takes of one session: its place, its latest plan's goals and the moments its reel shows, and the practice point recorded after it.</summary>
public sealed record CourseInput(string SessionId, DateTimeOffset CreatedAt, Course? Course, IReadOnlyList<Goal> Goals, IReadOnlyList<PlannedTag> Shown, string? PracticePoint = null)
{
    public CoursePlace Place => new(SessionId, Course?.Session, CreatedAt);

    /// <summary>A session as stored: its plan (null before it was planned) and its terugkijkgesprek (null before one was recorded).</summary>
    public static CourseInput From(string sessionId, DateTimeOffset createdAt, PlanDocument? plan, ConversationRecord? conversation) =>
        new(sessionId, createdAt, plan?.Course, plan?.Goals ?? [], [.. (plan?.Clips ?? []).SelectMany(c => c.Tags)], conversation?.PracticePoint);
}

/// <summary>The course across a case's sessions, per goal and session: the whole aggregation, pure.</summary>
public static class CourseView
{
    public static CourseAnswer Of(IEnumerable<CourseInput> sessions)
    {
        var ordered = CourseOrder.Sort(sessions, s => s.Place);
        // Goals by id, in the order they first appear; a later session's text wins (a goal reworded along the way).
        var goals = new List<Goal>();
        foreach (var goal in ordered.SelectMany(s => s.Goals))
        {
            var known = goals.FindIndex(g => g.Id == goal.Id);
            if (known < 0) goals.Add(goal);
            else goals[known] = goal;
        }
        return new CourseAnswer(goals, [.. ordered.Select((s, i) =>
            new SessionInCourse(s.SessionId, i + 1, s.CreatedAt, [.. goals.Select(g => Moments(s, g.Id))], s.Course, s.PracticePoint))]);
    }

    /// <summary>A child's moments are never counted as a strength or a learning moment (<see cref="Valence.Child"/>).</summary>
    static GoalMoments Moments(CourseInput session, string goalId)
    {
        var shown = session.Shown.Where(t => t.Goal == goalId).ToList();
        return new GoalMoments(goalId, shown.Count(t => t.Valence == Valence.Strength), shown.Count(t => t.Valence == Valence.Learning));
    }
}
