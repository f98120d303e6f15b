using BasicTrust.Contracts.Api;
using BasicTrust.Contracts.Documents;
using BasicTrust.Functions.GetCourse;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Functions.Tests.GetCourse;

/// <summary>The course across a case's sessions, from plain values: per goal and session the strengths and learning moments shown, the goals and the practice points.</summary>
public class CourseViewTests
{
    static readonly DateTimeOffset Day = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    static PlannedTag Tag(string id, Valence valence, string? goal) =>
        new(id, "benoemen", "Benoemen", valence, Actor.Parent, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1.5), null, null, Goal: goal);

    [Fact]
    public void Of_CountsEachGoalsStrengthsAndLearningMoments_PerSession_InCourseOrder()
    {
        var second = new CourseInput("visit-2", Day.AddDays(1), new Course(2, 8, null), [new Goal("g1", "Benoemt gevoelens")],
            [Tag("t1", Valence.Strength, "g1"), Tag("t2", Valence.Strength, "g1"), Tag("t3", Valence.Learning, "g1")], "Ruimte laten");
        var first = new CourseInput("visit-1", Day.AddDays(2), new Course(1, 8, null), [new Goal("g1", "Benoemt gevoelens"), new Goal("g2", "Volgt het kind")],
            [Tag("t1", Valence.Learning, "g1"), Tag("t2", Valence.Strength, "g2"), Tag("t3", Valence.Strength, null)], "Benoemen");

        var course = CourseView.Of([second, first]);

        Assert.Equal(["visit-1", "visit-2"], course.Sessions.Select(s => s.SessionId));
        Assert.Equal([1, 2], course.Sessions.Select(s => s.Number));
        Assert.Equal(["g1", "g2"], course.Goals.Select(g => g.Id));
        // Every goal in every session, 0 where it has none: a chart and a table read the same grid.
        Assert.Equal([new GoalMoments("g1", 0, 1), new GoalMoments("g2", 1, 0)], course.Sessions[0].Goals);
        Assert.Equal([new GoalMoments("g1", 2, 1), new GoalMoments("g2", 0, 0)], course.Sessions[1].Goals);
        Assert.Equal(["Benoemen", "Ruimte laten"], course.Sessions.Select(s => s.PracticePoint));
        Assert.Equal(2, course.Sessions[1].Course?.Session);
    }

    [Fact]
    public void Of_AGoalReworded_TakesTheLatestText_AndKeepsItsPlace()
    {
        var course = CourseView.Of([
            new CourseInput("s1", Day, null, [new Goal("g1", "Oud"), new Goal("g2", "Twee")], []),
            new CourseInput("s2", Day.AddDays(7), null, [new Goal("g1", "Nieuw")], []),
        ]);

        Assert.Equal([("g1", "Nieuw"), ("g2", "Twee")], course.Goals.Select(g => (g.Id, g.Text)));
    }

    [Fact]
    public void Of_ChildMoments_AreNeitherStrengthsNorLearning()
    {
        var course = CourseView.Of([new CourseInput("s1", Day, null, [new Goal("g1", "Doel")], [Tag("t1", Valence.Child, "g1")])]);

        Assert.Equal(new GoalMoments("g1", 0, 0), Assert.Single(Assert.Single(course.Sessions).Goals));
    }

    [Fact]
    public void Of_ASessionNotYetPlanned_IsInTheCourse_WithoutMoments()
    {
        var course = CourseView.Of([new CourseInput("s1", Day, null, [new Goal("g1", "Doel")], []), CourseInput.From("s2", Day.AddDays(1), null, null)]);

        Assert.Equal(["s1", "s2"], course.Sessions.Select(s => s.SessionId));
        Assert.Equal(new GoalMoments("g1", 0, 0), Assert.Single(course.Sessions[1].Goals));
        Assert.Null(course.Sessions[1].PracticePoint);
    }

    [Fact]
    public void Of_NoSessions_IsAnEmptyCourse()
    {
        var course = CourseView.Of([]);
        Assert.Empty(course.Goals);
        Assert.Empty(course.Sessions);
    }
}
