using System.Net;
using System.Net.Http.Json;

namespace BasicTrust.Web.Tests;

/// <summary>The privacy officer's page: purge with a typed confirmation, and the audit log; nobody else gets either.</summary>
[Collection("web")]
public sealed class PrivacyTests(WebFixture web)
{
    [Fact]
    public async Task PrivacyOfficer_PurgesCaseAfterTypingItTwice_AndFindsThePurgeInTheAuditLog()
    {
        const string caseId = "web-consent-withdrawn";
        using var therapist = web.Api(Person.TherapistA);
        (await therapist.PostAsJsonAsync("cases", new { caseId })).EnsureSuccessStatusCode();

        await using var browser = await web.OpenAsync(Person.PrivacyOfficer);
        var page = browser.Page;
        await browser.GoAsync("/privacy");
        var purge = page.GetByRole(AriaRole.Button, new() { Name = "Definitief verwijderen" });
        await page.GetByLabel("Cliëntcode", new() { Exact = true }).FillAsync(caseId);
        await Assertions.Expect(purge).ToBeDisabledAsync();
        await page.GetByLabel("Cliëntcode nogmaals").FillAsync(caseId + "x");
        await Assertions.Expect(purge).ToBeDisabledAsync();
        await page.GetByLabel("Cliëntcode nogmaals").FillAsync(caseId);
        await Assertions.Expect(purge).ToBeEnabledAsync();
        await purge.ClickAsync();
        // A purge looks through every queue again while workers hold messages (the fixture's reels may still be cutting).
        await Assertions.Expect(page.GetByText($"{caseId} is verwijderd")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        // What the purge did is a status, not an alert.
        await Assertions.Expect(page.Locator("#purge-result")).ToHaveAttributeAsync("role", "status");
        Assert.Equal(HttpStatusCode.Gone, (await therapist.GetAsync($"cases/{caseId}")).StatusCode);
        await DutchText.AssertAsync(page, "purged");

        // Purged again, the page says it already was, rather than "verwijderd: 0 bestanden".
        await page.GetByLabel("Cliëntcode", new() { Exact = true }).FillAsync(caseId);
        await page.GetByLabel("Cliëntcode nogmaals").FillAsync(caseId);
        await purge.ClickAsync();
        await Assertions.Expect(page.Locator("#purge-result")).ToContainTextAsync($"{caseId} was al verwijderd op", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#purge-result")).ToContainTextAsync("er was niets meer van over");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lezen" }).ClickAsync();
        // Other test projects purge cases on the same Azurite on the same day: this purge is the row naming this case.
        // Purged twice: both runs are in the log.
        var purged = page.Locator("#audit-log tr[data-action='purge-case']").Filter(new() { HasText = caseId });
        await Assertions.Expect(purged).ToHaveCountAsync(2);
        await Assertions.Expect(purged.First).ToContainTextAsync("Cliënt verwijderd");
        await Assertions.Expect(purged.First).ToContainTextAsync(Person.PrivacyOfficer.ObjectId);
        await DutchText.AssertAsync(page, "the audit log");
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task Reviewer_HasNoPurgeButton_AndTheApiRefusesAPurgeAnyway()
    {
        await web.Showcase;
        await using var browser = await web.OpenAsync(Person.Reviewer);
        var page = browser.Page;
        foreach (var path in new[] { "/reviews", $"/reels/{Sessions.ShowcaseCase}/{Sessions.SessionId}" })
        {
            await browser.GoAsync(path);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Privacy" })).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "verwijderen" })).ToHaveCountAsync(0);
        }
        await browser.GoAsync("/privacy");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Geen toegang");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "verwijderen" })).ToHaveCountAsync(0);

        // The case is shared with the reviewer, so the API does not hide it: it refuses.
        var response = await page.APIRequest.DeleteAsync($"/api/cases/{Sessions.ShowcaseCase}", new() { MaxRedirects = 0 });
        Assert.Equal((int)HttpStatusCode.Forbidden, response.Status);
        using var api = web.Api(Person.TherapistA);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"cases/{Sessions.ShowcaseCase}")).StatusCode);
    }
}
