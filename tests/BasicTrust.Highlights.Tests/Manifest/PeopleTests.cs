using System.Text.Json.Nodes;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Validation;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Tests.Manifest;

public class PeopleTests
{
    static JsonArray People(params (string Id, string Role, string? AgeBand)[] people) =>
        new([.. people.Select(p =>
        {
            var person = new JsonObject { ["id"] = p.Id, ["role"] = p.Role };
            if (p.AgeBand is not null) person["ageBand"] = p.AgeBand;
            return (JsonNode)person;
        })]);

    static ManifestReadResult WithPeople(JsonObject tag, string method = "basic-trust", string band = "4-6") => Manifests.Read(n =>
    {
        n["method"] = method;
        n["people"] = People(("moeder", "moeder", null), ("pleegvader", "pleegouder", null), ("sam", "kind", band));
        n["tags"] = new JsonArray(tag);
    });

    [Fact]
    public void Read_People_KeepsTheirRolesAndTheChildsAgeBand()
    {
        var result = WithPeople(Manifests.Tag(10, 20));
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(["moeder:moeder:", "pleegvader:pleegouder:", "sam:kind:4-6"],
            result.Manifest!.People.Select(p => $"{p.Id}:{p.Role.Code}:{p.AgeBand?.Code}"));
    }

    [Fact]
    public void Read_ActorNamingAPerson_IsThatPersonOnTheirSide()
    {
        var tag = Manifests.Tag(10, 20);
        tag["actor"] = "pleegvader";
        var read = WithPeople(tag).Manifest!.Tags[0];
        Assert.Equal(("pleegvader", Actor.Parent), (read.Person, read.Actor));
        tag = Manifests.Tag(10, 20, "kind-signaal");
        tag["actor"] = "sam";
        Assert.Equal(Actor.Child, WithPeople(tag).Manifest!.Tags[0].Actor);
    }

    [Fact]
    public void Read_CaptionSpokenByAPerson_IsTheirWords_AndAChildsAreTheChilds()
    {
        var tag = Manifests.Tag(10, 20);
        tag["caption"] = "Ik wil niet!";
        tag["captionVoice"] = "sam";
        var read = WithPeople(tag).Manifest!.Tags[0];
        Assert.Equal(("sam", CaptionVoice.Child), (read.Speaker, read.CaptionVoice));
        var mother = Manifests.Tag(10, 20);
        mother["caption"] = "Ben je moe?";
        mother["captionVoice"] = "moeder";
        Assert.Equal(CaptionVoice.Parent, WithPeople(mother).Manifest!.Tags[0].CaptionVoice);
    }

    [Fact]
    public void Read_UnknownPerson_IsRefusedListingWhoCanBeNamed()
    {
        var tag = Manifests.Tag(10, 20);
        tag["actor"] = "oma";
        var problem = Assert.Single(WithPeople(tag).Problems, p => p.Severity == Severity.Error);
        Assert.Equal(("tags[0].actor", "one-of"), (problem.Path, problem.Rule));
        Assert.Contains("parent, child, dyad, moeder, pleegvader, sam", problem.Message);
    }

    [Fact]
    public void Read_BadPeople_NameEveryFieldAndRule()
    {
        var result = Manifests.Read(n => n["people"] = People(("moeder", "oma", null), ("moeder", "moeder", null), ("vader", "vader", "4-6"),
            ("kind", "kind", "3-5"), ("child", "kind", null)));
        Assert.Equal([("people[0].role", "one-of"), ("people[2].ageBand", "child-only"), ("people[3].ageBand", "one-of"), ("people[4].id", "unique")],
            result.Problems.Where(p => p.Severity == Severity.Error).Select(p => (p.Path, p.Rule)));
    }

    [Theory]
    [InlineData("basic-trust", "12-15", true)]
    [InlineData("basic-trust", "0-1", true)]
    [InlineData("basic-trust", "7-11", false)]
    [InlineData("vipp-sd", "7-11", true)]
    [InlineData("vipp-sd", "4-6", false)]
    [InlineData("vht", "4-6", true)]
    [InlineData("custom", "16-17", false)]
    public void Read_ChildOutsideTheMethodsTargetGroup_WarnsNamingTheSource(string method, string band, bool warns)
    {
        var label = method switch { "vipp-sd" => "sensitief-opvoeden", "vht" => "contact", "custom" => "eigen", _ => "benoemen" };
        var tag = Manifests.Tag(10, 20, label, valence: method == "custom" ? "strength" : null);
        var result = WithPeople(tag, method, band);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var warning = result.Problems.SingleOrDefault(p => p.Rule == "target-group");
        Assert.Equal(warns, warning is not null);
        if (warning is not null)
        {
            Assert.Equal((Severity.Warning, "people[2].ageBand"), (warning.Severity, warning.Path));
            Assert.Contains(Sources.Guideline, warning.Text.In("nl"));
            Assert.Contains($"dit kind is {band} jaar", warning.Text.In("nl"));
        }
    }

    [Fact]
    public void Read_SessionType_IsKept_AndAnUnknownOneRefused()
    {
        var course = new JsonObject { ["session"] = 1, ["of"] = 8, ["type"] = "psycho-educatie" };
        Assert.Equal("psycho-educatie", Manifests.Read(n => n["course"] = course).Manifest!.Course!.Type);
        var bad = Manifests.Read(n => n["course"] = new JsonObject { ["session"] = 1, ["of"] = 8, ["type"] = "huisbezoek" });
        Assert.Equal(("course.type", "one-of"), bad.Problems.Select(p => (p.Path, p.Rule)).Single());
    }

    [Fact]
    public void Read_GoalByTheMethodsCode_TakesItsName_AndAnUnknownCodeIsRefused()
    {
        var result = Manifests.Read(n => n["goals"] = new JsonArray(new JsonObject { ["id"] = "g1", ["code"] = "sensitiviteit" },
            new JsonObject { ["id"] = "g2", ["code"] = "sensitiviteit", ["text"] = "Ziet wanneer Sam moe is" }));
        Assert.Equal(["g1:sensitiviteit:Betere sensitiviteit", "g2:sensitiviteit:Ziet wanneer Sam moe is"],
            result.Manifest!.Goals.Select(g => $"{g.Id}:{g.Code}:{g.Text}"));
        var bad = Manifests.Read(n => n["goals"] = new JsonArray(new JsonObject { ["id"] = "g1", ["code"] = "rust" }, new JsonObject { ["id"] = "g2" }));
        Assert.Equal([("goals[0].code", "one-of"), ("goals[1].text", "required")], bad.Problems.Select(p => (p.Path, p.Rule)));
    }

    [Fact]
    public void EveryMethodWithLabels_NamesItsGoalsAndTargetAgesWithASource()
    {
        foreach (var vocabulary in Vocabularies.ByMethod.Values.Where(v => !v.IsCustom))
        {
            Assert.NotEmpty(vocabulary.Goals);
            Assert.All(vocabulary.Goals, g => Assert.NotEqual(Sources.NotConfirmed, g.Source));
            Assert.NotNull(vocabulary.TargetAges);
        }
    }
}
