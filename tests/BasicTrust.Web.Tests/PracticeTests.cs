using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BasicTrust.Web.Tests;

/// <summary>
/// The practice around the reel in the therapist's words: the case's people under their roles, the method's goals,
/// the kind of session, carried to the next session; and the method's warnings (small steps, the target group) on the
/// session page and the reel page.
/// </summary>
[Collection("web")]
public sealed class PracticeTests(WebFixture web)
{
    [Fact]
    public async Task PeopleGoalsAndSessionType_ShowInTheEditor_AndTheWarningsOnTheSessionAndReelPages()
    {
        var caseId = $"web-practice-{Guid.NewGuid():N}"[..24];
        var manifest = JsonNode.Parse(Sessions.Manifest(caseId, Sessions.SessionId))!.AsObject();
        manifest["people"] = new JsonArray(new JsonObject { ["id"] = "moeder", ["role"] = "moeder" },
            new JsonObject { ["id"] = "kind", ["role"] = "kind", ["ageBand"] = "12-15" });
        manifest["course"] = new JsonObject { ["session"] = 3, ["of"] = 8, ["type"] = "video-feedback" };
        manifest["goals"] = new JsonArray(new JsonObject { ["id"] = "sensitiviteit", ["code"] = "sensitiviteit" });
        // One strength and three learning moments of three kinds: the steps are no longer small.
        manifest["tags"] = new JsonArray(
            new JsonObject { ["start"] = 1, ["end"] = 2, ["label"] = "benoemen", ["actor"] = "moeder", ["goal"] = "sensitiviteit" },
            new JsonObject { ["start"] = 4, ["end"] = 5, ["label"] = "signaal-gemist", ["caption"] = "Ik wil niet", ["captionVoice"] = "kind" },
            new JsonObject { ["start"] = 7, ["end"] = 8, ["label"] = "storend-gedrag" },
            new JsonObject { ["start"] = 10, ["end"] = 11, ["label"] = "verwarringscheppend-gedrag" });
        await Sessions.MakeReadyAsync(web, caseId, Sessions.SessionId, Person.Reviewer, manifest: manifest.ToJsonString());

        await using var browser = await web.OpenAsync(Person.TherapistA);
        var page = browser.Page;
        await browser.GoAsync($"/cases/{caseId}/sessions/{Sessions.SessionId}");
        // The session page: the warnings in Dutch, in the method's words.
        var warnings = page.Locator("details", new() { HasText = "waarschuwingen" });
        await warnings.Locator("summary").ClickAsync();
        await Assertions.Expect(warnings).ToContainTextAsync("Kleine stappen: deze montage laat 3 leermomenten zien");
        await Assertions.Expect(warnings).ToContainTextAsync("Basic Trustmethode is erkend voor kinderen van 2 tot en met 12 jaar");

        // The editor holds the people, the goal and the kind of session the manifest named.
        await Assertions.Expect(page.Locator("#people li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#people li[data-person='kind']")).ToContainTextAsync("Kind");
        await Assertions.Expect(page.Locator("select[data-age-band='kind']")).ToHaveValueAsync("12-15");
        await Assertions.Expect(page.GetByLabel("Betere sensitiviteit")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#session-type")).ToHaveValueAsync("video-feedback");
        await Assertions.Expect(page.Locator("#tag-actor option[value='moeder']")).ToHaveTextAsync("Moeder (moeder)");
        await Assertions.Expect(page.Locator("#tag-goal option[value='sensitiviteit']")).ToHaveTextAsync("Betere sensitiviteit");

        // A father joins, a goal in the therapist's own words; sent, the manifest names them.
        await page.Locator("#person-role").SelectOptionAsync("vader");
        await page.GetByRole(AriaRole.Button, new() { Name = "Persoon toevoegen" }).ClickAsync();
        await page.GetByLabel("Eigen doel").FillAsync("Rust bij het naar bed gaan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Doel toevoegen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#own-goals li")).ToHaveTextAsync(["Rust bij het naar bed gaan Verwijderen"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Insturen", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#tags-accepted")).ToBeVisibleAsync();
        using var api = web.Api(Person.TherapistA);
        var sent = (await api.GetFromJsonAsync<JsonObject>($"sessions/{caseId}/{Sessions.SessionId}/manifest"))!;
        Assert.Equal(["moeder", "kind", "vader"], sent["people"]!.AsArray().Select(p => (string)p!["id"]!));
        Assert.Equal(["sensitiviteit", "g1"], sent["goals"]!.AsArray().Select(g => (string)g!["id"]!));

        // The reel page: the kind of session and the same warnings.
        await browser.GoAsync($"/reels/{caseId}/{Sessions.SessionId}");
        await Assertions.Expect(page.Locator("main p.muted").First).ToContainTextAsync("Video-feedback");
        await Assertions.Expect(page.Locator("#reel-warnings li")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#reel-warnings")).ToContainTextAsync("Oefen met één vaardigheid tegelijk");

        // The next session starts with the case's people and goals as they were sent last.
        await browser.GoAsync($"/cases/{caseId}/sessions/volgend-bezoek");
        await Assertions.Expect(page.Locator("#people li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#people li[data-person='vader']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Betere sensitiviteit")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#own-goals li")).ToHaveCountAsync(1);
        Assert.Empty(browser.Problems);
    }
}
