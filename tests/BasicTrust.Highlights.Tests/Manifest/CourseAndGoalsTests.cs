using System.Text.Json.Nodes;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Highlights.Tests.Manifest;

public class CourseAndGoalsTests
{
    static JsonObject Course(int session, int of, string? theme = null)
    {
        var course = new JsonObject { ["session"] = session, ["of"] = of };
        if (theme is not null) course["theme"] = theme;
        return course;
    }

    [Fact]
    public void Read_Course_GivesSessionOfHowMany()
    {
        var result = Manifests.Read(n => n["course"] = Course(3, 8));
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(new Course(3, 8, null), result.Manifest!.Course);
        Assert.Equal("sessie 3 van 8", result.Manifest.Course!.Describe("nl"));
        Assert.Equal("session 3 of 8", result.Manifest.Course!.Describe("en"));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Read_NoCourse_IsStillValid() => Assert.Null(ManifestReader.Read(Manifests.Sample).Manifest!.Course);

    [Fact]
    public void Read_VippVisit_KeepsItsTheme()
    {
        var result = Manifests.Read(n =>
        {
            n["method"] = "vipp-sd";
            n["tags"] = new JsonArray(Manifests.Tag(10, 20, "sensitief-opvoeden"));
            n["course"] = Course(2, 7, "signalen-waarnemen");
        });
        Assert.Equal("signalen-waarnemen", result.Manifest!.Course!.Theme);
    }

    [Fact]
    public void Read_BadCourse_NamesEveryFieldAndRule()
    {
        var result = Manifests.Read(n => n["course"] = new JsonObject { ["session"] = 0, ["of"] = "acht", ["theme"] = "x" });
        Assert.Equal([("course.session", "range"), ("course.of", "range"), ("course.theme", "method")],
            result.Problems.Where(p => p.Severity == Severity.Error).Select(p => (p.Path, p.Rule)));
    }

    [Fact]
    public void Read_SessionAfterTheLast_IsAnError() =>
        Assert.Contains(Manifests.Read(n => n["course"] = Course(9, 8)).Problems, p => (p.Path, p.Rule) == ("course.session", "range"));

    [Fact]
    public void Read_CourseOutsideTheMethodsUsualLength_Warns()
    {
        var result = Manifests.Read(n => n["course"] = Course(2, 20));
        Assert.True(result.IsValid);
        var warning = Assert.Single(result.Problems);
        Assert.Equal(("course.of", "usual-length"), (warning.Path, warning.Rule));
        Assert.Contains("8 to 12", warning.Message);
    }

    [Fact]
    public void Read_Goals_AndATagNamingOne()
    {
        var tag = Manifests.Tag(10, 20, "benoemen");
        tag["goal"] = "g1";
        var result = Manifests.Read(n =>
        {
            n["goals"] = new JsonArray(new JsonObject { ["id"] = "g1", ["text"] = "Moeder benoemt gevoelens" });
            n["tags"] = new JsonArray(tag);
        });
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal([new Goal("g1", "Moeder benoemt gevoelens")], result.Manifest!.Goals);
        Assert.Equal("g1", result.Manifest.Tags[0].Goal);
    }

    [Fact]
    public void Read_TagNamingAnUnlistedGoal_IsAnError()
    {
        var tag = Manifests.Tag(10, 20, "benoemen");
        tag["goal"] = "g9";
        var p = Assert.Single(Manifests.Read(n => n["tags"] = new JsonArray(tag)).Problems);
        Assert.Equal(("tags[0].goal", "known-goal"), (p.Path, p.Rule));
    }

    [Fact]
    public void Read_SelectConcernAndCaptionVoice_AreReadAndDefaulted()
    {
        var kept = Manifests.Tag(10, 20, "benoemen", "a");
        kept["select"] = false;
        var concern = Manifests.Tag(30, 40, "benoemen", "b");
        concern["concern"] = true;
        var voiced = Manifests.Tag(50, 60, "kind-signaal", "c");
        voiced["captionVoice"] = "child";
        var m = Manifests.WithTags(kept, concern, voiced);
        Assert.Equal([(false, false, CaptionVoice.Therapist), (true, true, CaptionVoice.Therapist), (true, false, CaptionVoice.Child)],
            m.Tags.Select(t => (t.Select, t.Concern, t.CaptionVoice)));
        Assert.Equal(["c"], m.Tags.Where(t => t.IsShown).Select(t => t.Id));
    }

    [Fact]
    public void Read_SelectNotABoolean_IsAnError()
    {
        var tag = Manifests.Tag(10, 20);
        tag["select"] = "no";
        var p = Assert.Single(Manifests.Read(n => n["tags"] = new JsonArray(tag)).Problems);
        Assert.Equal(("tags[0].select", "type"), (p.Path, p.Rule));
    }
}
