using System.Net;
using System.Net.Http.Json;

namespace BasicTrust.Web.Tests;

/// <summary>What a person may not see stays out of the pages, and the API refuses it as well.</summary>
[Collection("web")]
public sealed class AccessTests(WebFixture web)
{
    [Fact]
    public async Task SecondTherapist_DoesNotSeeFirstTherapistsCase_InThePageOrThroughTheApi()
    {
        const string caseId = "web-private";
        await web.CreateCaseAsync(caseId);

        await using var browser = await web.OpenAsync(Person.TherapistB);
        var page = browser.Page;
        await browser.GoAsync("/cases");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Mijn cliënten");
        await Assertions.Expect(page.GetByText(caseId)).ToHaveCountAsync(0);
        await DutchText.AssertAsync(page, "the cases");

        // Asked for by its address, the page says it is not there: the API answers 404, as for a case that does not exist.
        await browser.GoAsync($"/cases/{caseId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"Er is geen cliënt {caseId} die u mag zien.");
        await DutchText.AssertAsync(page, "another's case");

        // The same person's requests through the site (its cookie, the principal the CLI forwards) are refused.
        foreach (var (method, path) in new[] { ("GET", $"/api/cases/{caseId}"), ("GET", $"/api/reels/{caseId}/s1"), ("GET", $"/api/sessions/{caseId}/s1"), ("DELETE", $"/api/cases/{caseId}") })
        {
            var response = await page.APIRequest.FetchAsync(path, new() { Method = method, MaxRedirects = 0 });
            Assert.True(response.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.Forbidden, $"{method} {path} answered {response.Status}");
        }
        var upload = await page.APIRequest.PostAsync($"/api/sessions/{caseId}/s1/upload", new() { DataObject = new { fileName = "recording.mp4", size = 10 }, MaxRedirects = 0 });
        Assert.Equal((int)HttpStatusCode.NotFound, upload.Status);
    }

    [Theory]
    [InlineData("nl", "/cases", "Geen toegang", "therapeuten", "de rol therapeut")]
    [InlineData("nl", "/cases/web-showcase/sessions/s1", "Geen toegang", "therapeuten", "de rol therapeut")]
    [InlineData("en", "/privacy", "No access", "privacy officer", "the privacy officer role")]
    public async Task Reviewer_OpeningAPageOfAnotherRole_IsToldSoAndWhomToAsk_NotSentToSignIn(string language, string path, string title, string forWhom, string role)
    {
        await using var browser = await web.OpenAsync(Person.Reviewer, language);
        var page = browser.Page;
        await browser.GoAsync(path);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(path)}$"));
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("#no-access")).ToContainTextAsync(forWhom);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(role);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Entra ID");
        // The page asked the API for nothing: what a role may not see, the API refuses anyway.
        Assert.Empty(browser.Problems);
    }
}
