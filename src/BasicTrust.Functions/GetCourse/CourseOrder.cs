namespace BasicTrust.Functions.GetCourse;

/// <summary>Where a session sits in its case's course: the manifest's course number when it gave one, and when the session was first received.</summary>
public sealed record CoursePlace(string SessionId, int? Session, DateTimeOffset CreatedAt);

/// <summary>
/// The one rule for the order of a case's sessions, which the course view and "the practice point of last time" both
/// follow. Of two sessions whose manifests both give a course number (<c>course.session</c>), the lower comes first;
/// otherwise the one received first. So that any mix has one order (a pairwise rule alone can go round in a circle),
/// the sessions are put in the order they were received, and those with a course number are then put in its order
/// among the places they hold.
/// </summary>
public static class CourseOrder
{
    /// <summary>The sessions in course order.</summary>
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> sessions, Func<T, CoursePlace> place)
    {
        var received = sessions.Select(s => (Session: s, Place: place(s))).OrderBy(s => s.Place.CreatedAt).ThenBy(s => s.Place.SessionId, StringComparer.Ordinal).ToList();
        // OrderBy is stable: sessions with the same number stay in the order they were received.
        var numbered = new Queue<T>(received.Where(s => s.Place.Session is not null).OrderBy(s => s.Place.Session).Select(s => s.Session));
        return [.. received.Select(s => s.Place.Session is null ? s.Session : numbered.Dequeue())];
    }

    /// <summary>
    /// The id of the session before <paramref name="current"/> in the course, or null when it is the first. A session
    /// not among <paramref name="sessions"/> (its manifest not yet received) takes its place from <paramref name="current"/>.
    /// </summary>
    public static string? Previous(IEnumerable<CoursePlace> sessions, CoursePlace current)
    {
        var all = sessions.ToList();
        if (all.All(s => s.SessionId != current.SessionId)) all.Add(current);
        var order = Sort(all, s => s);
        var at = order.ToList().FindIndex(s => s.SessionId == current.SessionId);
        return at > 0 ? order[at - 1].SessionId : null;
    }
}
