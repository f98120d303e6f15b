using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace BasicTrust.Web.Tests;

/// <summary>
/// Terugkijken, the reel watched with the parent: opened from the reel page, played and gone through moment by moment
/// from the keyboard, on a laptop, a tablet and a phone. Of the reel's answer only the video, its captions and where
/// each moment starts reach the page: no label, kind of moment, note, goal, comment or word of the terugkijkgesprek
/// (what the parent saw, the practice point) is anywhere in its DOM, and it never asks for the terugkijkgesprek.
/// </summary>
[Collection("web")]
public sealed class ParentViewTests(WebFixture web, ITestOutputHelper output)
{
    static readonly string Showcase = $"/reels/{Sessions.ShowcaseCase}/{Sessions.SessionId}";

    [Fact]
    public async Task ParentView_OpensFromTheReelPage_PlaysAndGoesMomentToMomentByKeys_AndHoldsNoLabelNoteOrComment()
    {
        // A reel of its own, so the comments below reach no other test's page.
        var caseId = $"web-parent-{Guid.NewGuid():N}"[..24];
        await Sessions.MakeReadyAsync(web, caseId, Sessions.SessionId, Person.Reviewer, strengthsFirst: true);
        var reel = $"/reels/{caseId}/{Sessions.SessionId}";
        using var api = web.Api(Person.Reviewer);
        var clipId = (string)(await api.GetFromJsonAsync<JsonObject>(reel[1..]))!["reel"]!["chapters"]![0]!["clipId"]!;
        (await api.PostAsJsonAsync($"{reel[1..]}/comments", new { clipId, text = "Let op de blik van het kind hier", offset = 0.5 })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"{reel[1..]}/comments", new { clipId, text = "Benoemt zij het gevoel of de handeling?" })).EnsureSuccessStatusCode();
        // The terugkijkgesprek as the therapist recorded it: a professional record, never on the page watched with the parent.
        using (var owner = web.Api(Person.TherapistA))
            (await owner.PutAsJsonAsync($"sessions/{caseId}/{Sessions.SessionId}/conversation",
                new { clips = new[] { new { clipId, parentSaw = ParentSaw } }, practicePoint = PracticePoint })).EnsureSuccessStatusCode();
        var answer = (await api.GetFromJsonAsync<JsonObject>(reel[1..]))!;
        var starts = answer["reel"]!["chapters"]!.AsArray().Select(c => (double)c!["start"]!).ToList();
        Assert.Equal(3, starts.Count);

        // The therapist who owns the case watches it with the parent.
        await using var browser = await web.OpenAsync(Person.TherapistA);
        var page = browser.Page;
        await browser.GoAsync(reel);
        // The reel page's own requests done, what is asked from here on is the parent view's.
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('img.still')].every(i => i.complete && i.naturalWidth > 0)");
        var asked = new List<string>();
        page.Request += (_, request) => { try { lock (asked) asked.Add(new Uri(request.Url).AbsolutePath); } catch { } };
        await page.GetByRole(AriaRole.Link, new() { Name = "Terugkijken met de ouder" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"{reel}/terugkijken$"));
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Terugkijkgesprek");
        // No menu: only the page and its way back.
        await Assertions.Expect(page.Locator("header.top")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".moments button")).ToHaveTextAsync(["Moment 1", "Moment 2", "Moment 3"]);
        await CaptionsLoadedAsync(page);

        // It plays; Space pauses and plays again, with the focus on the page or on the player.
        await page.GetByRole(AriaRole.Button, new() { Name = "Afspelen" }).ClickAsync();
        await page.WaitForFunctionAsync("() => { const v = document.getElementById('reel'); return !v.paused && v.currentTime > 0.3; }");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pauzeren" })).ToBeVisibleAsync();
        await page.Locator("main h1").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.WaitForFunctionAsync("() => document.getElementById('reel').paused");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Afspelen" })).ToBeVisibleAsync();
        await page.Locator("#reel").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.WaitForFunctionAsync("() => !document.getElementById('reel').paused");
        await page.Keyboard.PressAsync("Space");
        await page.WaitForFunctionAsync("() => document.getElementById('reel').paused");

        // A moment's button goes to its start; → to the next moment's start, twice; ← a moment back, twice; the
        // next-moment button as →.
        await page.GetByRole(AriaRole.Button, new() { Name = "Moment 1", Exact = true }).ClickAsync();
        await AtAsync(page, starts[0]);
        await page.Keyboard.PressAsync("ArrowRight");
        await AtAsync(page, starts[1]);
        await page.Keyboard.PressAsync("ArrowRight");
        await AtAsync(page, starts[2]);
        await Assertions.Expect(page.Locator(".moments button[aria-current='true']")).ToHaveTextAsync("Moment 3");
        await page.Keyboard.PressAsync("ArrowLeft");
        await AtAsync(page, starts[1]);
        await page.Keyboard.PressAsync("ArrowLeft");
        await AtAsync(page, starts[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Volgend moment ▶" }).ClickAsync();
        await AtAsync(page, starts[1]);
        await Assertions.Expect(page.Locator(".moments button[aria-current='true']")).ToHaveTextAsync("Moment 2");

        await AssertNothingPrivateAsync(page, answer, "nl", ParentSaw, PracticePoint);
        // What it asked for: the reel's answer, the reel and its captions; no still, no clip, no terugkijkgesprek.
        lock (asked)
        {
            Assert.Contains($"/api{reel}", asked);
            Assert.DoesNotContain(asked, p => p.EndsWith(".jpg", StringComparison.Ordinal) || p.Contains("/clips/", StringComparison.Ordinal)
                || p.EndsWith("/conversation", StringComparison.Ordinal));
        }
        Assert.Empty(await browser.AccessibilityProblemsAsync());
        await DutchText.AssertAsync(page, "parent view");
        var file = Path.Combine(WebFixture.Screenshots, "parent-view-nl.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        output.WriteLine($"screenshot: {file}");

        // And back to the reel page, with its menu.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Terug naar de montage" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"{reel}$"));
        await Assertions.Expect(page.Locator("header.top")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#parent-view")).ToBeVisibleAsync();
        Assert.Empty(browser.Problems);
    }

    [Theory]
    [InlineData("en", 1024, 768)]
    [InlineData("nl", 390, 844)]
    public async Task ParentView_FitsATabletAndAPhone_WithBigControlsInSight(string language, int width, int height)
    {
        await web.Showcase;
        using var api = web.Api(Person.Reviewer);
        var answer = (await api.GetFromJsonAsync<JsonObject>(Showcase[1..]))!;

        // A reviewer of the case may watch it too; opened by its address.
        await using var browser = await web.OpenAsync(Person.Reviewer, language, width, height);
        var page = browser.Page;
        await browser.GoAsync($"{Showcase}/terugkijken");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(language == "en" ? "Watching it together" : "Terugkijkgesprek");
        await CaptionsLoadedAsync(page);
        await page.WaitForFunctionAsync("() => document.getElementById('reel').readyState >= 2");

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        // The reel takes the width, or 80 % of the height at most, in the recording's shape.
        var box = await page.EvaluateAsync<double[]>("() => { const v = document.getElementById('reel'); const r = v.getBoundingClientRect(); return [r.width, r.height, v.videoWidth / v.videoHeight, innerWidth, innerHeight]; }");
        Assert.True(box[1] <= 0.8 * box[4] + 1, $"the reel is {box[1]} px high on a screen of {box[4]}");
        Assert.True(box[0] >= 0.9 * (box[3] - 32) || box[1] >= 0.6 * box[4], $"the reel is small: {box[0]}x{box[1]} on {box[3]}x{box[4]}");
        Assert.InRange(box[0] / box[1], box[2] - 0.02, box[2] + 0.02);
        // Every control a finger can hit, and play, previous and next in sight without scrolling.
        var small = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main button, main a')].filter(e => { const r = e.getBoundingClientRect(); return r.width < 44 || r.height < 44; }).map(e => e.textContent)");
        Assert.Empty(small);
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.together-controls').getBoundingClientRect().bottom <= innerHeight"), "the controls are out of sight");

        await page.Keyboard.PressAsync("ArrowRight");
        await AtAsync(page, (double)answer["reel"]!["chapters"]![1]!["start"]!);
        await AssertNothingPrivateAsync(page, answer, language);
        Assert.Empty(await browser.AccessibilityProblemsAsync());
        if (language == "nl") await DutchText.AssertAsync(page, "parent view on a phone");
        var file = Path.Combine(WebFixture.Screenshots, language == "en" ? "parent-view-en-tablet.png" : "parent-view-nl-phone.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        output.WriteLine($"screenshot: {file}");
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task ParentView_OfAnotherTherapistsCase_ShowsNoReel()
    {
        await web.Showcase;
        await using var browser = await web.OpenAsync(Person.TherapistB);
        var page = browser.Page;
        await browser.GoAsync($"{Showcase}/terugkijken");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(Sessions.ShowcaseCase);
        await Assertions.Expect(page.Locator("video")).ToHaveCountAsync(0);
        // With nothing to watch, the menu is back to go on from.
        await Assertions.Expect(page.Locator("header.top")).ToBeVisibleAsync();
        await DutchText.AssertAsync(page, "parent view refused");
        Assert.Empty(browser.Problems);
    }

    const string ParentSaw = "Dat zij zijn boosheid benoemde en hij rustig werd";
    const string PracticePoint = "Ook de kleine signalen van het kind benoemen";

    /// <summary>Waits until the reel is paused at <paramref name="start"/> (a moment's start).</summary>
    static Task AtAsync(IPage page, double start) => page.WaitForFunctionAsync(
        "start => { const v = document.getElementById('reel'); return v.paused && !v.seeking && Math.abs(v.currentTime - start) < 0.05; }", start);

    /// <summary>Waits until the captions track has loaded (its cues are drawn from the file, never put in the DOM).</summary>
    static Task CaptionsLoadedAsync(IPage page) => page.WaitForFunctionAsync(
        "() => { const t = document.querySelector('#reel track[kind=captions]'); return t && t.readyState === 2; }");

    /// <summary>
    /// Nothing of the review is anywhere in the page's DOM, shown or hidden: each clip's title, its kind of moment in
    /// the page's language, each tag's label, name and note, the goals, every comment of every round, the notes' heading,
    /// the terugkijkgesprek's headings and <paramref name="more"/> (what was recorded in it).
    /// </summary>
    static async Task AssertNothingPrivateAsync(IPage page, JsonObject answer, string language, params string[] more)
    {
        var texts = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "web", "i18n", $"{language}.json")))!;
        var reel = answer["reel"]!;
        var rounds = answer["earlier"]!.AsArray().Prepend(answer["review"]);
        string[] words =
        [
            .. reel["clips"]!.AsArray().SelectMany(c => (string[])[(string)c!["title"]!, (string)texts[$"valence.{(string)c["valence"]!}"]!]),
            .. reel["clips"]!.AsArray().SelectMany(c => c!["tags"]!.AsArray()).SelectMany(t =>
                new[] { (string?)t!["label"], (string?)t["displayName"], (string?)t["note"] }.OfType<string>()),
            .. reel["chapters"]!.AsArray().Select(c => (string)c!["title"]!),
            .. (reel["goals"]?.AsArray() ?? []).Select(g => (string)g!["text"]!),
            .. rounds.SelectMany(r => r!["comments"]!.AsArray()).Select(c => (string)c!["text"]!),
            (string)texts["reel.notes"]!, "Werkaantekening", Sessions.Note, Sessions.Goal,
            (string)texts["conversation.practicePoint"]!, ((string)texts["conversation.previous"]!).Split(':')[0],
            .. more,
        ];
        Assert.Contains(Sessions.Note, words);
        var html = await page.EvaluateAsync<string>("() => document.documentElement.outerHTML");
        Assert.DoesNotContain(words, w => html.Contains(w, StringComparison.OrdinalIgnoreCase));
    }
}
