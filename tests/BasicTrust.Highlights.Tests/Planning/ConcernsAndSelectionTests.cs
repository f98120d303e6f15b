using System.Text.Json.Nodes;
using BasicTrust.Highlights.Planning;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Highlights.Tests.Planning;

public class ConcernsAndSelectionTests
{
    static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    static PlanResult Plan(params JsonObject[] tags) => SessionPlanner.Plan(Manifests.WithTags(tags), S(600), "\"etag\"");

    static JsonObject With(JsonObject tag, string field, JsonNode value)
    {
        tag[field] = value;
        return tag;
    }

    [Fact]
    public void UnselectedTag_IsNotCutButTravelsWithThePlan()
    {
        var plan = Plan(Manifests.Tag(10, 15, "benoemen", "a"), With(Manifests.Tag(100, 105, "benoemen", "b"), "select", false)).Plan!;
        Assert.Equal(["a"], plan.Clips.SelectMany(c => c.Tags).Select(t => t.Id));
        Assert.Equal(["b"], plan.Considered.Select(t => t.Id));
    }

    [Fact]
    public void Concern_IsNeverCutAndIsListed()
    {
        var plan = Plan(Manifests.Tag(10, 15, "benoemen", "a"), With(Manifests.Tag(100, 105, "benoemen", "z"), "concern", true)).Plan!;
        Assert.DoesNotContain(plan.Clips, c => c.In < S(105) && S(100) < c.Out);
        Assert.Equal(["z"], plan.Concerns.Select(t => t.Id));
        Assert.Empty(plan.Considered);
    }

    [Fact]
    public void Concern_StopsANeighboursPreAndPostRoll()
    {
        // pre-roll 2 s and post-roll 1 s would reach into the concerns at 8–9.5 and 15.5–20; the clip stops on the
        // whole frames (25 fps) just outside them.
        var plan = Plan(With(Manifests.Tag(8, 9.5, "benoemen", "y"), "concern", true), Manifests.Tag(10, 15, "benoemen", "a"),
            With(Manifests.Tag(15.5, 20, "benoemen", "z"), "concern", true)).Plan!;
        var clip = Assert.Single(plan.Clips);
        Assert.Equal((S(9.52), S(15.48)), (clip.In, clip.Out));
    }

    [Fact]
    public void ShownTagOverlappingAConcern_IsAnErrorNamingBoth()
    {
        var result = Plan(Manifests.Tag(10, 20, "benoemen", "a"), With(Manifests.Tag(15, 25, "benoemen", "z"), "concern", true));
        Assert.Null(result.Plan);
        var p = Assert.Single(result.Problems, p => p.Severity == Severity.Error);
        Assert.Equal(("tags[0].start", "concern-overlap"), (p.Path, p.Rule));
        Assert.Contains("'a'", p.Message);
        Assert.Contains("'z'", p.Message);
    }

    [Fact]
    public void NothingShown_IsAnError() =>
        Assert.Contains(Plan(With(Manifests.Tag(10, 15, "benoemen", "a"), "select", false)).Problems, p => (p.Path, p.Rule) == ("tags", "count"));

    [Fact]
    public void LearningMomentsNotAMinority_WarnInTheReadersLanguage()
    {
        var result = Plan(Manifests.Tag(10, 15, "benoemen", "s"), Manifests.Tag(100, 105, "signaal-gemist", "l"));
        var warning = Assert.Single(result.Problems, p => p.Rule == "strengths-led");
        Assert.Equal((Severity.Warning, "tags"), (warning.Severity, warning.Path));
        Assert.StartsWith("Feedback is led by strengths, but 1 of the 2 parent moments", warning.Message);
        Assert.StartsWith("Begin bij wat goed gaat: 1 van de 2 momenten van de ouder", warning.Text.In("nl"));
        Assert.NotNull(result.Plan);
    }

    [Fact]
    public void LearningMomentsAMinority_DoNotWarn() =>
        Assert.DoesNotContain(Plan(Manifests.Tag(10, 15, "benoemen", "s1"), Manifests.Tag(50, 55, "benoemen", "s2"),
            Manifests.Tag(100, 105, "signaal-gemist", "l")).Problems, p => p.Rule == "strengths-led");

    [Fact]
    public void ChildSignals_AreNeverCountedAsStrengths() =>
        // One strength, one learning moment and three child signals: still half learning moments.
        Assert.Contains(Plan(Manifests.Tag(10, 15, "benoemen", "s"), Manifests.Tag(100, 105, "signaal-gemist", "l"),
            Manifests.Tag(200, 205, "kind-signaal", "c1"), Manifests.Tag(300, 305, "kind-reactie", "c2"), Manifests.Tag(400, 405, "exploreren", "c3")).Problems,
            p => p.Rule == "strengths-led");

    [Fact]
    public void UnselectedLearningMoments_AreNotCounted() =>
        Assert.DoesNotContain(Plan(Manifests.Tag(10, 15, "benoemen", "s"), With(Manifests.Tag(100, 105, "signaal-gemist", "l"), "select", false)).Problems,
            p => p.Rule == "strengths-led");
}
