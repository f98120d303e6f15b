using System.Text.Json.Nodes;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Planning;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Highlights.Tests.Planning;

public class SmallStepsAndVoicesTests
{
    static PlanResult Plan(params JsonObject[] tags) => SessionPlanner.Plan(Manifests.WithTags(tags), TimeSpan.FromSeconds(600), "\"etag\"");

    static JsonObject Tag(double start, string label, string id) => Manifests.Tag(start, start + 5, label, id);

    [Fact]
    public void ThreeLearningMomentsOfThreeKinds_WarnTwiceOfSmallSteps_InTheMethodsWords()
    {
        var result = Plan(Tag(10, "benoemen", "s1"), Tag(40, "benoemen", "s2"), Tag(70, "mentaliseren", "s3"), Tag(100, "sensitief-reageren", "s4"),
            Tag(130, "signaal-gemist", "l1"), Tag(160, "storend-gedrag", "l2"), Tag(190, "verwarringscheppend-gedrag", "l3"));
        var steps = result.Problems.Where(p => p.Rule == "small-steps").ToList();
        Assert.Equal(["problem.small-steps.moments", "problem.small-steps.labels"], steps.Select(p => p.Text.Key));
        Assert.All(steps, p => Assert.Equal((Severity.Warning, "tags"), (p.Severity, p.Path)));
        Assert.StartsWith("Kleine stappen: deze montage laat 3 leermomenten zien. Onze standaard is hooguit 2", steps[0].Text.In("nl"));
        Assert.Contains("3 verschillende vaardigheden", steps[1].Text.In("nl"));
        Assert.NotNull(result.Plan);
    }

    [Fact]
    public void TwoLearningMomentsOfOneKind_AreSmallSteps() =>
        Assert.DoesNotContain(Plan(Tag(10, "benoemen", "s1"), Tag(40, "benoemen", "s2"), Tag(70, "benoemen", "s3"),
            Tag(130, "signaal-gemist", "l1"), Tag(160, "signaal-gemist", "l2")).Problems, p => p.Rule == "small-steps");

    [Fact]
    public void RepairedLearningMoments_CountAsStrengths_NotAsStepsOrLearning()
    {
        // Each missed signal is repaired within its clip: three strengths, no open learning moment.
        var result = Plan(Tag(10, "signaal-gemist", "l1"), Manifests.Tag(12, 16, "herstel-van-contact", "r1"),
            Tag(100, "storend-gedrag", "l2"), Manifests.Tag(102, 106, "herstel-van-contact", "r2"),
            Tag(200, "verwarringscheppend-gedrag", "l3"), Manifests.Tag(202, 206, "herstel-van-contact", "r3"));
        Assert.DoesNotContain(result.Problems, p => p.Rule is "small-steps" or "strengths-led");
    }

    [Fact]
    public void Cues_NameWhoSpeaks_AndMarkTheChildsWords()
    {
        var manifest = Manifests.Read(n =>
        {
            n["people"] = new JsonArray(new JsonObject { ["id"] = "moeder", ["role"] = "moeder" }, new JsonObject { ["id"] = "sam", ["role"] = "kind" });
            var therapist = Manifests.Tag(10, 15, "benoemen", "t1");
            therapist["caption"] = "Jij ziet dat Sam moe is";
            var mother = Manifests.Tag(20, 25, "benoemen", "t2");
            mother["caption"] = "Ben je moe?";
            mother["captionVoice"] = "moeder";
            var child = Manifests.Tag(30, 35, "kind-signaal", "t3");
            child["caption"] = "Ik wil naar bed";
            child["captionVoice"] = "sam";
            var forTheChild = Manifests.Tag(40, 45, "kind-signaal", "t4");
            forTheChild["caption"] = "Mama, ik ben moe";
            forTheChild["captionVoice"] = "child";
            n["tags"] = new JsonArray(therapist, mother, child, forTheChild);
            n["reel"]!["order"] = "chronological";
        }).Manifest!;
        var plan = SessionPlanner.Plan(manifest, TimeSpan.FromSeconds(600), "\"etag\"").Plan!;
        Assert.Equal(["Therapeut:False", "Moeder:False", "Kind:True", "Kind:True"], plan.Cues.Select(c => $"{c.Voice}:{c.ChildWords}"));
    }
}
