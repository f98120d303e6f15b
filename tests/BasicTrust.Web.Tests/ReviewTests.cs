using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BasicTrust.Web.Tests;

/// <summary>A reviewer's review queue and reel page (comments, verdicts), against reels the real pipeline made; what the therapist then sees.</summary>
[Collection("web")]
public sealed class ReviewTests(WebFixture web)
{
    [Fact]
    public async Task Reviewer_OpensReadyReel_ChaptersCaptionsStillsMatchReelJson_AndMarkReviewedTakesItOffTheQueue()
    {
        await web.ToReview;
        using var api = web.Api(Person.Reviewer);
        var answer = await api.GetFromJsonAsync<JsonObject>($"reels/{Sessions.ReviewCase}/{Sessions.SessionId}");
        var reel = answer!["reel"]!;
        var chapters = reel["chapters"]!.AsArray();
        var captions = reel["clips"]!.AsArray().SelectMany(c => c!["tags"]!.AsArray()).Select(t => (string?)t!["caption"]).OfType<string>().ToList();
        Assert.Equal(3, chapters.Count);

        await using var browser = await web.OpenAsync(Person.Reviewer);
        var page = browser.Page;
        await browser.GoAsync("/reviews");
        var card = page.Locator(".card", new() { HasText = Sessions.ReviewCase });
        await Assertions.Expect(card).ToContainTextAsync("sessie 3 van 8");
        await DutchText.AssertAsync(page, "the review queue");
        await card.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/reels/{Sessions.ReviewCase}/{Sessions.SessionId}$"));

        // The chapters track the page made from reel.json, and the captions track (reel.vtt) through its read link.
        var cues = await TrackCuesAsync(page, "chapters");
        Assert.Equal(chapters.Select(c => ((string)c!["clipId"]!, (double)c["start"]!, (double)c["end"]!, (string)c["title"]!)),
            cues.Select(c => (c.Id, Math.Round(c.Start, 3), Math.Round(c.End, 3), c.Text)));
        var captionCues = await TrackCuesAsync(page, "captions");
        Assert.Equal(captions.Order(), captionCues.Select(c => c.Text).Order());
        Assert.DoesNotContain(captionCues, c => c.Text.Contains(Sessions.Note));
        // Each caption says who speaks: the therapist's own words here.
        Assert.All(captionCues, c => Assert.StartsWith("<v Therapeut>", c.Markup));
        Assert.All(captionCues, c => Assert.Contains(cues, chapter => c.Start >= chapter.Start - 0.001 && c.End <= chapter.End + 0.001));

        // A chapter in the list seeks the reel to its start.
        var second = (double)chapters[1]!["start"]!;
        await page.Locator("button.chapter").Nth(1).ClickAsync();
        await page.WaitForFunctionAsync("start => Math.abs(document.getElementById('reel').currentTime - start) < 0.05", second);

        // Every clip's still loads; requested and actual in/out and the private note are shown.
        var stills = page.Locator("img.still");
        await Assertions.Expect(stills).ToHaveCountAsync(3);
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('img.still')].every(i => i.complete && i.naturalWidth > 0)");
        await Assertions.Expect(page.Locator(".private")).ToContainTextAsync(Sessions.Note);
        var goal = page.Locator("section", new() { HasText = "Behandeldoelen" }).GetByRole(AriaRole.Listitem);
        await Assertions.Expect(goal).ToContainTextAsync(Sessions.Goal);
        await goal.GetByRole(AriaRole.Link, new() { Name = "fragment 1" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#clip-"));
        await Assertions.Expect(page.Locator("table.timing").First).ToContainTextAsync("Gevraagd");
        await DutchText.AssertAsync(page, "a reel to review");

        // Captions off and on again.
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Ondertiteling" });
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.Equal("hidden", await page.EvaluateAsync<string>("() => [...document.getElementById('reel').textTracks].find(t => t.kind === 'captions').mode"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Bekeken" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/reviews$"));
        await Assertions.Expect(page.Locator(".card", new() { HasText = Sessions.ReviewCase })).ToHaveCountAsync(0);
        var queue = await api.GetFromJsonAsync<JsonArray>("reviews");
        Assert.DoesNotContain(queue!, r => (string?)r!["caseId"] == Sessions.ReviewCase);
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task Course_IsSaidInThePagesLanguage()
    {
        await web.Showcase;
        await using var browser = await web.OpenAsync(Person.Reviewer, "en");
        var page = browser.Page;
        await browser.GoAsync("/reviews");
        await Assertions.Expect(page.Locator(".card", new() { HasText = Sessions.ShowcaseCase })).ToContainTextAsync("session 3 of 8");
        await browser.GoAsync($"/reels/{Sessions.ShowcaseCase}/{Sessions.SessionId}");
        await Assertions.Expect(page.GetByText("session 3 of 8")).ToBeVisibleAsync();
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task ReelPage_NumbersEachClipAlike_ByItsPlaceInTheReel_WhenStrengthsGoFirst()
    {
        await web.Showcase;
        using var api = web.Api(Person.Reviewer);
        var reel = (await api.GetFromJsonAsync<JsonObject>($"reels/{Sessions.ShowcaseCase}/{Sessions.SessionId}"))!["reel"]!;
        var chapters = reel["chapters"]!.AsArray().Select(c => (string)c!["clipId"]!).ToList();
        var inTime = reel["clips"]!.AsArray().ToDictionary(c => (string)c!["clipId"]!, c => (int)c!["index"]!);
        // The reel shows a strength before the learning moment that comes first in the recording.
        Assert.NotEqual(chapters, chapters.OrderBy(id => inTime[id]));

        await using var browser = await web.OpenAsync(Person.Reviewer);
        var page = browser.Page;
        await browser.GoAsync($"/reels/{Sessions.ShowcaseCase}/{Sessions.SessionId}");
        for (var i = 0; i < chapters.Count; i++)
        {
            var number = i + 1;
            await Assertions.Expect(page.Locator("button.chapter .n").Nth(i)).ToHaveTextAsync($"{number}.");
            var card = page.Locator($"#clip-{chapters[i]}");
            await Assertions.Expect(card.Locator("h3")).ToHaveTextAsync(new Regex($"^{number}\\. "));
            await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = $"Fragment {number} downloaden" })).ToHaveCountAsync(1);
            await Assertions.Expect(card.GetByLabel($"Opmerking bij fragment {number}", new() { Exact = true })).ToHaveCountAsync(1);
        }
        // The clip cards come in the reel's order too.
        Assert.Equal(chapters.Select(id => $"clip-{id}"), await page.Locator("li.clip").EvaluateAllAsync<string[]>("cards => cards.map(c => c.id)"));
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task ReelPage_AsksForFreshLinksBeforeTheyRunOut()
    {
        await web.Showcase;
        await using var browser = await web.OpenAsync(Person.Reviewer);
        var page = browser.Page;
        // The page's clock, not the test's: read links last 15 minutes, and the page renews them a minute before.
        await page.Clock.InstallAsync();
        var path = $"/api/reels/{Sessions.ShowcaseCase}/{Sessions.SessionId}";
        await browser.GoAsync($"/reels/{Sessions.ShowcaseCase}/{Sessions.SessionId}");
        await page.Locator("img.still").First.WaitForAsync();

        var renewed = page.WaitForResponseAsync(r => new Uri(r.Url).AbsolutePath == path);
        await page.Clock.FastForwardAsync("14:30");
        var answer = await renewed;
        Assert.Equal(200, answer.Status);
        var fresh = (await answer.JsonAsync())!.Value.GetProperty("links").GetProperty("clips")[0];
        await Assertions.Expect(page.Locator($"[data-link='clip:{fresh.GetProperty("clipId").GetString()}']"))
            .ToHaveAttributeAsync("href", fresh.GetProperty("video").GetString()!);
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task Reviewer_CommentsOnAClipAndSendsTheReelBack_TheTherapistSeesTheCommentAndSentBack()
    {
        await web.Verdicts;
        const string comment = "Mooi benoemd.\nKijk samen naar de pauze daarna.";
        var reel = $"/reels/{Sessions.VerdictCase}/{Sessions.SentBackSession}";
        await using (var reviewer = await web.OpenAsync(Person.Reviewer))
        {
            var page = reviewer.Page;
            await reviewer.GoAsync(reel);
            var field = page.GetByLabel("Opmerking bij fragment 1", new() { Exact = true });
            var clip = page.Locator("li.clip", new() { Has = field });
            // From the keyboard: the field, Tab to its button, Enter. Empty, the API's problem names the field.
            await field.FocusAsync();
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(clip.GetByRole(AriaRole.Button, new() { Name = "Opmerking plaatsen bij fragment 1" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(clip.GetByRole(AriaRole.Alert)).ToContainTextAsync("text");
            await DutchText.AssertAsync(page, "an empty comment refused");
            await Assertions.Expect(field).ToBeFocusedAsync();

            await field.FillAsync(comment);
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(clip.Locator(".comments li")).ToContainTextAsync("Mooi benoemd.");
            await Assertions.Expect(clip.Locator(".comments li")).ToContainTextAsync("— u, ");
            await Assertions.Expect(clip.GetByRole(AriaRole.Alert)).ToBeEmptyAsync();
            await Assertions.Expect(field).ToHaveValueAsync("");

            await page.GetByRole(AriaRole.Button, new() { Name = "Terugsturen met opmerkingen" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/reviews$"));
            // Sent back, it waits for the therapist: listed apart from the reels to review.
            await Assertions.Expect(page.Locator("#sent-back .card", new() { HasText = Sessions.SentBackSession })).ToHaveCountAsync(1);
            Assert.Empty(reviewer.Problems);
        }

        // The therapist reads the comment next to the clip's tags, and the verdict: who (their supervisor's id) and when.
        await using var therapist = await web.OpenAsync(Person.TherapistA);
        var own = therapist.Page;
        await therapist.GoAsync(reel);
        await Assertions.Expect(own.Locator("#verdict")).ToContainTextAsync($"Teruggestuurd met opmerkingen door supervisor {Person.Reviewer.ObjectId[..8]}");
        var first = own.Locator("li.clip", new() { Has = own.GetByLabel("Opmerking bij fragment 1", new() { Exact = true }) });
        await Assertions.Expect(first.Locator(".valence")).ToContainTextAsync("Benoemen");
        await Assertions.Expect(first.Locator(".comments .text")).ToHaveTextAsync(comment);
        Assert.Empty(await therapist.AccessibilityProblemsAsync());
        await DutchText.AssertAsync(own, "the reel sent back");
        await own.ScreenshotAsync(new() { Path = Path.Combine(WebFixture.Screenshots, "reel.sent-back.nl.png"), FullPage = true });

        // The case page lists the session as sent back, with its comment count and the reel.
        await therapist.GoAsync($"/cases/{Sessions.VerdictCase}");
        var session = own.Locator($"#sessions li[data-session='{Sessions.SentBackSession}']");
        await Assertions.Expect(session).ToContainTextAsync("Klaar · teruggestuurd (1 opmerking)");
        await DutchText.AssertAsync(own, "the case with a reel sent back");
        await session.GetByRole(AriaRole.Link, new() { Name = "Montage bekijken" }).ClickAsync();
        await Assertions.Expect(own).ToHaveURLAsync(new Regex($"{reel}$"));
        await Assertions.Expect(own.Locator("#verdict")).ToBeVisibleAsync();

        // In the editor, to change the tags, the comment stands next to the moment of the clip it was made on.
        await therapist.GoAsync($"/cases/{Sessions.VerdictCase}/sessions/{Sessions.SentBackSession}");
        var commented = own.Locator("#tag-list tbody tr", new() { HasText = "Mooi benoemd." });
        await Assertions.Expect(commented).ToHaveCountAsync(1);
        await Assertions.Expect(commented).ToContainTextAsync("Benoemen");
        await Assertions.Expect(commented).ToContainTextAsync($"supervisor {Person.Reviewer.ObjectId[..8]}");
        await DutchText.AssertAsync(own, "the editor after a send-back");
        Assert.Empty(therapist.Problems);
    }

    [Fact]
    public async Task Reviewer_ApprovesAReel_ItLeavesTheQueue_AndTheCasePageSaysApproved()
    {
        await web.Verdicts;
        await using (var reviewer = await web.OpenAsync(Person.Reviewer, "en"))
        {
            var page = reviewer.Page;
            await reviewer.GoAsync("/reviews");
            var card = page.Locator(".card", new() { HasText = Sessions.ApprovedSession });
            await card.GetByRole(AriaRole.Link).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/reviews$"));
            await Assertions.Expect(card).ToHaveCountAsync(0);
            Assert.Empty(reviewer.Problems);
        }
        using var api = web.Api(Person.Reviewer);
        var queue = await api.GetFromJsonAsync<JsonArray>("reviews");
        Assert.DoesNotContain(queue!, r => (string?)r!["caseId"] == Sessions.VerdictCase && (string?)r["sessionId"] == Sessions.ApprovedSession);

        await using var therapist = await web.OpenAsync(Person.TherapistA, "en");
        await therapist.GoAsync($"/cases/{Sessions.VerdictCase}");
        await Assertions.Expect(therapist.Page.Locator($"#sessions li[data-session='{Sessions.ApprovedSession}']")).ToContainTextAsync("Ready · approved");
        Assert.Empty(await therapist.AccessibilityProblemsAsync());
        Assert.Empty(therapist.Problems);
    }

    /// <summary>A cue: <c>Text</c> as the viewer reads it (its markup rendered away), <c>Markup</c> as the file has it.</summary>
    sealed record Cue(string Id, double Start, double End, string Text, string Markup);

    /// <summary>The cues of the reel's track of this kind, once loaded (cues load only in mode "hidden" or "showing").</summary>
    static async Task<IReadOnlyList<Cue>> TrackCuesAsync(IPage page, string kind)
    {
        var handle = await page.WaitForFunctionAsync("""
            kind => {
              const video = document.getElementById('reel');
              const track = video && [...video.textTracks].find(t => t.kind === kind);
              if (!track) return null;
              if (track.mode === 'disabled') track.mode = 'hidden';
              // Cues arrive as the file is parsed: only a track element that says LOADED (2) has them all.
              const element = [...video.querySelectorAll('track')].find(e => e.track === track);
              return element && element.readyState === 2 && track.cues
                ? JSON.stringify([...track.cues].map(c => ({ id: c.id, start: c.startTime, end: c.endTime, text: c.getCueAsHTML().textContent, markup: c.text })))
                : null;
            }
            """, kind);
        return JsonSerializer.Deserialize<List<Cue>>((await handle.JsonValueAsync<string>())!, JsonSerializerOptions.Web)!;
    }
}
