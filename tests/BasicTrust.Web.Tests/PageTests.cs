using Xunit.Abstractions;

namespace BasicTrust.Web.Tests;

/// <summary>Every page, in Dutch and English: an axe-core check (WCAG 2.1 A and AA) and a screenshot to look at.</summary>
[Collection("web")]
public sealed class PageTests(WebFixture web, ITestOutputHelper output)
{
    static readonly string Showcase = $"{Sessions.ShowcaseCase}/{Sessions.SessionId}";

    /// <summary>The pages: who opens them, where, and what shows that the page is drawn.</summary>
    static readonly Dictionary<string, (Person Who, string Path, string Ready)> Pages = new()
    {
        ["reviews"] = (Person.Reviewer, "/reviews", ".card"),
        ["reel"] = (Person.Reviewer, $"/reels/{Showcase}", "img.still"),
        ["cases"] = (Person.TherapistA, "/cases", "ul.list"),
        ["case"] = (Person.TherapistA, $"/cases/{Sessions.ShowcaseCase}", "#reviewers"),
        ["session"] = (Person.TherapistA, $"/cases/{Sessions.ShowcaseCase}/sessions/{Sessions.SessionId}", "#pipeline-state"),
        ["privacy"] = (Person.PrivacyOfficer, "/privacy", "#purge-case"),
        ["no-access"] = (Person.Reviewer, "/cases", "#no-access"),
    };

    [Theory]
    [InlineData("reviews", "nl")] [InlineData("reviews", "en")]
    [InlineData("reel", "nl")] [InlineData("reel", "en")]
    [InlineData("cases", "nl")] [InlineData("cases", "en")]
    [InlineData("case", "nl")] [InlineData("case", "en")]
    [InlineData("session", "nl")] [InlineData("session", "en")]
    [InlineData("privacy", "nl")] [InlineData("privacy", "en")]
    [InlineData("no-access", "nl")] [InlineData("no-access", "en")]
    public async Task Page_PassesAxe_AndIsScreenshotted(string name, string language)
    {
        await web.Showcase;
        var (who, path, ready) = Pages[name];
        await using var browser = await web.OpenAsync(who, language);
        await OpenAsync(browser, path, ready);
        if (language == "nl") await DutchText.AssertAsync(browser.Page, name);

        var accessibility = await browser.AccessibilityProblemsAsync();
        var file = Path.Combine(WebFixture.Screenshots, $"{name}.{language}.png");
        await browser.Page.ScreenshotAsync(new() { Path = file, FullPage = true });
        output.WriteLine($"screenshot: {file}");
        // The site's own bytes (page, scripts, styles, texts, API answers) in a fresh context; media come from storage.
        var weight = await browser.Page.EvaluateAsync<double>("""
            () => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
              .filter(e => new URL(e.name).origin === location.origin).reduce((sum, e) => sum + e.transferSize, 0)
            """);
        output.WriteLine($"page weight: {name} {weight / 1024:0.0} KiB from the site");
        Assert.True(accessibility.Count == 0, string.Join('\n', accessibility));
        Assert.Equal(language, await browser.Page.EvaluateAsync<string>("() => document.documentElement.lang"));
        Assert.Empty(browser.Problems);
    }

    [Theory]
    [InlineData("reel")]
    [InlineData("session")]
    [InlineData("reviews")]
    public async Task Page_FitsAPhone(string name)
    {
        await web.Showcase;
        var (who, path, ready) = Pages[name];
        await using var browser = await web.OpenAsync(who, "nl", width: 390, height: 844);
        await OpenAsync(browser, path, ready);
        await DutchText.AssertAsync(browser.Page, $"{name} on a phone");
        var file = Path.Combine(WebFixture.Screenshots, $"{name}.phone.png");
        await browser.Page.ScreenshotAsync(new() { Path = file, FullPage = true });
        output.WriteLine($"screenshot: {file}");
        // Nothing wider than the screen: no sideways scrolling.
        Assert.True(await browser.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        // The verdict stays in reach at the top of a long reel page, and a moment's edges are big enough to take.
        if (name == "reel")
            Assert.True(await browser.Page.EvaluateAsync<bool>("() => { const r = document.querySelector('.verdict-bar')?.getBoundingClientRect(); return !!r && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; }"),
                "the verdict buttons are out of sight");
        if (await browser.Page.Locator(".timeline .edge").CountAsync() > 0)
            Assert.True(await browser.Page.EvaluateAsync<bool>("() => [...document.querySelectorAll('.timeline .edge')].every(e => e.getBoundingClientRect().width >= 24)"), "a moment's edge is under 24 px wide");
        Assert.Empty(browser.Problems);
    }

    static async Task OpenAsync(BrowserSession browser, string path, string ready)
    {
        await browser.GoAsync(path);
        await browser.Page.Locator(ready).First.WaitForAsync();
        if (path.StartsWith("/reels/"))
        {
            // Stills loaded and the reel's first frame shown, so the screenshot shows what a person sees.
            await browser.Page.WaitForFunctionAsync("() => [...document.querySelectorAll('img.still')].every(i => i.complete && i.naturalWidth > 0) && document.getElementById('reel').readyState >= 2");
        }
    }
}
