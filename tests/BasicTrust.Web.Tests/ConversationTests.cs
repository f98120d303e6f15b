using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace BasicTrust.Web.Tests;

/// <summary>
/// The terugkijkgesprek in the browser: after watching the reel with the parent the therapist records on the reel page
/// what the parent saw and a practice point, is told where a text is too long, saves it, reloads and finds it; the
/// supervisor reads it; the next session's editor shows the practice point; and Terugkijken neither asks for it nor
/// has any of it in its DOM.
/// </summary>
[Collection("web")]
public sealed class ConversationTests(WebFixture web, ITestOutputHelper output)
{
    const string Saw = "Dat hij naar haar keek toen zij het benoemde";
    const string Practice = "Benoemen wat het kind voelt, ook als het boos is";

    [Fact]
    public async Task Therapist_RecordsItOnTheReelPage_FindsItAfterAReload_AndInTheNextSessionsEditor_ButNotWithTheParent()
    {
        var caseId = $"web-conv-{Guid.NewGuid():N}"[..24];
        await Sessions.MakeReadyAsync(web, caseId, Sessions.SessionId, Person.Reviewer);
        var reel = $"/reels/{caseId}/{Sessions.SessionId}";

        await using (var therapist = await web.OpenAsync(Person.TherapistA))
        {
            var page = therapist.Page;
            await therapist.GoAsync(reel);
            var section = page.Locator("#conversation");
            await Assertions.Expect(section.Locator("h2")).ToHaveTextAsync("Terugkijkgesprek");
            var fields = section.Locator("textarea");
            await Assertions.Expect(fields).ToHaveCountAsync(4); // three clips and the practice point
            var first = page.GetByLabel(new Regex(@"^1\. .+ — wat de ouder zag$"));
            var practice = page.GetByLabel("Oefenpunt voor de volgende keer");

            // Too long (past the field's own limit, as a paste from elsewhere could be): said at the field, which gets the focus.
            await first.FillAsync(Saw);
            await practice.EvaluateAsync("field => { field.removeAttribute('maxlength'); field.value = 'a'.repeat(501); }");
            await page.GetByRole(AriaRole.Button, new() { Name = "Terugkijkgesprek opslaan" }).ClickAsync();
            await Assertions.Expect(page.Locator("#practice-point-error")).ToHaveTextAsync("Hooguit 500 tekens; dit zijn er 501.");
            await Assertions.Expect(practice).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(practice).ToBeFocusedAsync();
            await DutchText.AssertAsync(page, "a practice point too long");

            await practice.FillAsync(Practice);
            await page.GetByRole(AriaRole.Button, new() { Name = "Terugkijkgesprek opslaan" }).ClickAsync();
            await Assertions.Expect(page.Locator("#conversation-saved")).ToContainTextAsync("Terugkijkgesprek opgeslagen");
            await Assertions.Expect(practice).ToHaveAttributeAsync("aria-invalid", "false");
            await Assertions.Expect(page.Locator("#practice-point-error")).ToBeEmptyAsync();

            await page.ReloadAsync();
            await page.Locator("main h1").WaitForAsync();
            await Assertions.Expect(first).ToHaveValueAsync(Saw);
            await Assertions.Expect(practice).ToHaveValueAsync(Practice);
            await Assertions.Expect(page.Locator("#conversation-saved")).ToContainTextAsync("Vastgelegd");
            Assert.Empty(await therapist.AccessibilityProblemsAsync());
            await DutchText.AssertAsync(page, "the terugkijkgesprek recorded");
            var file = Path.Combine(WebFixture.Screenshots, "conversation-nl.png");
            await section.ScreenshotAsync(new() { Path = file });
            output.WriteLine($"screenshot: {file}");

            // Terugkijken, opened from here: it asks for no conversation and holds none of it.
            var asked = new List<string>();
            page.Request += (_, request) => { try { lock (asked) asked.Add(new Uri(request.Url).AbsolutePath); } catch { } };
            await page.GetByRole(AriaRole.Link, new() { Name = "Terugkijken met de ouder" }).ClickAsync();
            await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Terugkijkgesprek");
            await Assertions.Expect(page.Locator(".moments button")).ToHaveCountAsync(3);
            var html = await page.EvaluateAsync<string>("() => document.documentElement.outerHTML");
            Assert.DoesNotContain(Saw, html);
            Assert.DoesNotContain(Practice, html);
            Assert.DoesNotContain("Oefenpunt", html);
            lock (asked) Assert.DoesNotContain(asked, p => p.EndsWith("/conversation", StringComparison.Ordinal));

            // The next session's editor, before anything of it was sent: last time's practice point in sight.
            await therapist.GoAsync($"/cases/{caseId}/sessions/2026-11-27-bezoek-4");
            await Assertions.Expect(page.Locator("#previous-practice")).ToHaveTextAsync($"Oefenpunt van vorige keer: {Practice}");
            await DutchText.AssertAsync(page, "the next session's editor");
            Assert.Empty(therapist.Problems);
        }

        // The supervisor reads it, and has nothing to change it with.
        await using (var reviewer = await web.OpenAsync(Person.Reviewer))
        {
            var page = reviewer.Page;
            await reviewer.GoAsync(reel);
            var section = page.Locator("#conversation");
            await Assertions.Expect(section).ToContainTextAsync(Saw);
            await Assertions.Expect(section.Locator("#practice-point")).ToHaveTextAsync(Practice);
            await Assertions.Expect(section.Locator("textarea, button")).ToHaveCountAsync(0);
            Assert.Empty(await reviewer.AccessibilityProblemsAsync());
            await DutchText.AssertAsync(page, "the terugkijkgesprek read by the supervisor");
            Assert.Empty(reviewer.Problems);
        }

        // Stored as the API answers it, on the clip the field was for.
        using var api = web.Api(Person.TherapistA);
        var answer = await api.GetFromJsonAsync<JsonObject>($"sessions/{caseId}/{Sessions.SessionId}/conversation");
        var chapters = (await api.GetFromJsonAsync<JsonObject>(reel[1..]))!["reel"]!["chapters"]!;
        var clip = Assert.Single(answer!["record"]!["clips"]!.AsArray())!;
        Assert.Equal(((string)chapters[0]!["clipId"]!, Saw), ((string)clip["clipId"]!, (string)clip["parentSaw"]!));
    }
}
