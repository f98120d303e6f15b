using BasicTrust.Functions.GetCourse;

namespace BasicTrust.Functions.Tests.GetCourse;

/// <summary>The order of a case's sessions, and the session before one: by course number when both have one, else by when they were received.</summary>
public class CourseOrderTests
{
    static readonly DateTimeOffset Day = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    static CoursePlace S(string id, int? course, int day) => new(id, course, Day.AddDays(day));

    static IEnumerable<string> Order(params CoursePlace[] sessions) => CourseOrder.Sort(sessions, s => s).Select(s => s.SessionId);

    [Fact]
    public void Sort_BothNumbered_FollowsTheCourseNumber_NotWhenTheyWereReceived()
    {
        // Session 2's manifest was sent before session 1's (tagged late).
        Assert.Equal(["one", "two"], Order(S("two", 2, day: 1), S("one", 1, day: 5)));
    }

    [Fact]
    public void Sort_NoneNumbered_FollowsWhenTheyWereReceived()
    {
        Assert.Equal(["a", "c", "b"], Order(S("b", null, day: 9), S("a", null, day: 1), S("c", null, day: 4)));
    }

    [Fact]
    public void Sort_Mixed_KeepsTheUnnumberedInReceptionOrder_AndTheNumberedInCourseOrderAmongTheirPlaces()
    {
        // Received: x(1, course 3), y(2, none), z(3, course 1), w(4, none). The numbered hold places 1 and 3: z, then x.
        Assert.Equal(["z", "y", "x", "w"], Order(S("x", 3, day: 1), S("y", null, day: 2), S("z", 1, day: 3), S("w", null, day: 4)));
    }

    [Fact]
    public void Sort_ACircleOfPairwiseAnswers_StillGivesOneOrder()
    {
        // Pairwise: a before c (course), c before b and b before a (time): the places rule decides, whatever the input order.
        CoursePlace[] sessions = [S("a", 1, day: 3), S("b", null, day: 2), S("c", 2, day: 1)];
        Assert.Equal(["a", "b", "c"], Order(sessions));
        Assert.Equal(["a", "b", "c"], Order([.. sessions.Reverse()]));
    }

    [Fact]
    public void Sort_SameNumber_FirstReceivedFirst()
    {
        Assert.Equal(["early", "late"], Order(S("late", 2, day: 8), S("early", 2, day: 3)));
    }

    [Fact]
    public void Previous_IsTheSessionBefore_InCourseOrder()
    {
        CoursePlace[] sessions = [S("s3", 3, day: 1), S("s1", 1, day: 2), S("s2", 2, day: 3)];
        Assert.Equal("s2", CourseOrder.Previous(sessions, sessions[0]));
        Assert.Equal("s1", CourseOrder.Previous(sessions, sessions[2]));
        Assert.Null(CourseOrder.Previous(sessions, sessions[1]));
    }

    [Fact]
    public void Previous_OfASessionNotYetReceived_IsTheLastOne()
    {
        CoursePlace[] sessions = [S("s1", null, day: 1), S("s2", null, day: 2)];
        Assert.Equal("s2", CourseOrder.Previous(sessions, S("new", null, day: 30)));
        Assert.Null(CourseOrder.Previous([], S("new", null, day: 30)));
    }

    [Fact]
    public void Previous_OfAKnownSession_TakesItsStoredPlace_NotTheOneAsked()
    {
        CoursePlace[] sessions = [S("s1", 1, day: 1), S("s2", 2, day: 2), S("s3", 3, day: 3)];
        Assert.Equal("s1", CourseOrder.Previous(sessions, S("s2", null, day: 30)));
    }
}
