using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace BasicTrust.Web.Tests;

/// <summary>
/// Verloop on the case page: two sessions whose moments show treatment goals, drawn per goal as a small chart (a bar
/// per count, sessions along) with the same numbers in a table, and the practice points of both in course order.
/// </summary>
[Collection("web")]
public sealed class CourseTests(WebFixture web, ITestOutputHelper output)
{
    const string First = "2026-11-06-bezoek-1", Second = "2026-11-13-bezoek-2";

    [Fact]
    public async Task CasePage_DrawsEachGoalsMomentsPerSession_WithATableOfTheSameNumbers_AndThePracticePointsInOrder()
    {
        var caseId = $"web-course-{Guid.NewGuid():N}"[..24];
        // Goal g1 is reworded in session 2, which also adds g2. Session 1: g1 a strength and a learning moment (spiegelen
        // shows no goal). Session 2: g1 two strengths, g2 a learning moment.
        await Task.WhenAll(
            Sessions.MakeReadyAsync(web, caseId, First, Person.Reviewer, manifest: Manifest(caseId, First, 1, [("g1", "Moeder benoemt gevoelens")], "g1", "g1", null)),
            Sessions.MakeReadyAsync(web, caseId, Second, Person.Reviewer, manifest: Manifest(caseId, Second, 2,
                [("g1", "Moeder benoemt de gevoelens van het kind"), ("g2", "Moeder volgt het initiatief van het kind")], "g1", "g2", "g1")));
        using var api = web.Api(Person.TherapistA);
        foreach (var (session, point) in new[] { (Second, "Wachten tot het kind zelf begint"), (First, "Benoemen wat het kind voelt") })
            (await api.PutAsJsonAsync($"sessions/{caseId}/{session}/conversation", new { practicePoint = point })).EnsureSuccessStatusCode();
        var course = (await api.GetFromJsonAsync<JsonObject>($"cases/{caseId}/course"))!;
        Assert.Equal([First, Second], course["sessions"]!.AsArray().Select(s => (string)s!["sessionId"]!));

        await using var browser = await web.OpenAsync(Person.TherapistA);
        var page = browser.Page;
        await browser.GoAsync($"/cases/{caseId}");
        var section = page.Locator("#course");
        await Assertions.Expect(section.Locator("h2")).ToHaveTextAsync("Verloop");
        await Assertions.Expect(section.Locator("figure")).ToHaveCountAsync(2);

        // Per goal: a bar for every count above 0 (g1: 1 and 1, then 2; g2: 1), and a table with every count.
        foreach (var (goal, text, marks, rows) in new[]
        {
            ("g1", "Moeder benoemt de gevoelens van het kind", 3, new[] { ("Sessie 1", "1", "1"), ("Sessie 2", "2", "0") }),
            ("g2", "Moeder volgt het initiatief van het kind", 1, new[] { ("Sessie 1", "0", "0"), ("Sessie 2", "0", "1") }),
        })
        {
            var figure = section.Locator($"figure[data-goal='{goal}']");
            await Assertions.Expect(figure.Locator("figcaption")).ToHaveTextAsync(text);
            var chart = figure.Locator("svg[role='img']");
            await Assertions.Expect(chart).ToHaveAttributeAsync("aria-label", $"{text}: sterke momenten en momenten om samen naar te kijken per sessie");
            await Assertions.Expect(chart.Locator("rect.mark")).ToHaveCountAsync(marks);
            var cells = await figure.Locator("table tbody tr").EvaluateAllAsync<string[][]>("rows => rows.map(r => [...r.cells].map(c => c.textContent))");
            Assert.Equal(rows.Select(r => new[] { r.Item1, r.Item2, r.Item3 }), cells);
            // The bars say the table's numbers.
            var drawn = await chart.Locator("rect.mark").EvaluateAllAsync<string[]>("marks => marks.map(m => `${m.dataset.session} ${m.classList[1]} ${m.dataset.count}`)");
            var counted = rows.Select((r, i) => (Session: i == 0 ? First : Second, r.Item2, r.Item3))
                .SelectMany(r => new[] { (r.Session, Kind: "strength", Count: r.Item2), (r.Session, Kind: "learning", Count: r.Item3) })
                .Where(r => r.Count != "0").Select(r => $"{r.Session} {r.Kind} {r.Count}");
            Assert.Equal(counted, drawn);
        }
        // The same scale for every goal: the highest count (2) is the tallest bar, a count of 1 half of it.
        var heights = await section.Locator("rect.mark").EvaluateAllAsync<double[]>("marks => marks.map(m => Number(m.getAttribute('height')))");
        Assert.Equal([heights.Max() / 2, heights.Max() / 2, heights.Max(), heights.Max() / 2], heights);

        await Assertions.Expect(section.Locator("#practice-points li")).ToHaveTextAsync(["Sessie 1: Benoemen wat het kind voelt", "Sessie 2: Wachten tot het kind zelf begint"]);
        await section.Locator("figure[data-goal='g1'] summary").ClickAsync();
        Assert.Empty(await browser.AccessibilityProblemsAsync());
        await DutchText.AssertAsync(page, "the course");
        var file = Path.Combine(WebFixture.Screenshots, "course-nl.png");
        await section.ScreenshotAsync(new() { Path = file });
        output.WriteLine($"screenshot: {file}");
        Assert.Empty(browser.Problems);
    }

    /// <summary>
    /// <see cref="Sessions.Manifest"/> as session <paramref name="number"/> of 8 with these goals, its three tags
    /// (benoemen, signaal-gemist, spiegelen) showing the goals given in that order (null: none).
    /// </summary>
    static string Manifest(string caseId, string sessionId, int number, (string Id, string Text)[] goals, params string?[] tagGoals)
    {
        var manifest = JsonNode.Parse(Sessions.Manifest(caseId, sessionId))!;
        manifest["course"] = new JsonObject { ["session"] = number, ["of"] = 8 };
        manifest["goals"] = new JsonArray([.. goals.Select(g => (JsonNode)new JsonObject { ["id"] = g.Id, ["text"] = g.Text })]);
        var tags = manifest["tags"]!.AsArray();
        for (var i = 0; i < tags.Count; i++)
        {
            tags[i]!.AsObject().Remove("goal");
            if (tagGoals[i] is { } goal) tags[i]!["goal"] = goal;
        }
        return manifest.ToJsonString();
    }
}
