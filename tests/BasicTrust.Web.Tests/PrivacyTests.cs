using Azure.Storage.Blobs.Specialized;
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

        // Other test projects write thousands of entries to the same Azurite on the same day: the log is read for this case.
        await page.GetByLabel("Cliëntcode (niet verplicht)").FillAsync(caseId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lezen" }).ClickAsync();
        // Purged twice: both runs are in the log.
        var purged = page.Locator("#audit-log tr[data-action='purge-case']").Filter(new() { HasText = caseId });
        await Assertions.Expect(purged).ToHaveCountAsync(2);
        await Assertions.Expect(purged.First).ToContainTextAsync("Cliënt verwijderd");
        await Assertions.Expect(purged.First).ToContainTextAsync(Person.PrivacyOfficer.ObjectId);
        await DutchText.AssertAsync(page, "the audit log");
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task AuditLog_IsFilteredByCaseAndAction_GroupsOnePageViewsLinks_ShowsUtc_AndDownloadsAsCsv()
    {
        // A day of its own: one page view's five links, a share, and another case's link.
        const string day = "2001-01-02", caseId = "web-audit-fam";
        var a = Person.TherapistA.ObjectId;
        var lines = Enumerable.Range(0, 5).Select(i =>
                $$"""{"at":"{{day}}T09:00:0{{i}}+00:00","who":"{{a}}","action":"read-link","target":"clips/{{caseId}}/s-1/p/c-0{{i}}.mp4"}""")
            .Append($$"""{"at":"{{day}}T09:05:00+00:00","who":"{{a}}","action":"share","target":"{{caseId}}/{{Person.Reviewer.ObjectId}}"}""")
            .Append($$"""{"at":"{{day}}T09:06:00+00:00","who":"{{a}}","action":"read-link","target":"reels/web-audit-other/s-1/p/reel.mp4"}""");
        var part = web.Blobs.GetBlobContainerClient("audit").GetAppendBlobClient($"log/{day}/0000.jsonl");
        await part.DeleteIfExistsAsync();
        await part.CreateAsync();
        await part.AppendBlockAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n")));
        try
        {
            // Seen from Amsterdam (UTC+1 in January), the times are still the log's UTC ones.
            await using var browser = await web.OpenAsync(Person.PrivacyOfficer, timeZone: "Europe/Amsterdam");
            var page = browser.Page;
            await browser.GoAsync("/privacy");
            await page.GetByLabel("Dag (UTC)").FillAsync(day);
            await page.GetByRole(AriaRole.Button, new() { Name = "Lezen" }).ClickAsync();
            var rows = page.Locator("#audit-log tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(3);
            await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-count", "5");
            await Assertions.Expect(rows.First).ToContainTextAsync("5 links voor web-audit-fam/s-1");
            await Assertions.Expect(rows.First).ToContainTextAsync("09:00:00 UTC");
            await Assertions.Expect(page.Locator("#audit-log thead")).ToContainTextAsync("Tijd (UTC)");
            await DutchText.AssertAsync(page, "a day's audit log");

            await page.GetByLabel("Cliëntcode (niet verplicht)").FillAsync(caseId);
            await page.GetByRole(AriaRole.Button, new() { Name = "Lezen" }).ClickAsync();
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await page.GetByLabel("Wat").SelectOptionAsync(new SelectOptionValue { Label = "Gedeeld met een supervisor" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Lezen" }).ClickAsync();
            await Assertions.Expect(rows).ToHaveCountAsync(1);
            await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-action", "share");
            Assert.Empty(await browser.AccessibilityProblemsAsync());

            // The CSV link follows the filters.
            var href = await page.GetByRole(AriaRole.Link, new() { Name = "Downloaden als CSV" }).GetAttributeAsync("href");
            var csv = await page.APIRequest.GetAsync(href!);
            Assert.Equal(200, csv.Status);
            Assert.Equal(
                ["at_utc,who,action,case,target,expires_at_utc,details", $"{day}T09:05:00Z,{a},share,{caseId},{caseId}/{Person.Reviewer.ObjectId},,"],
                (await csv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
            Assert.Empty(browser.Problems);
        }
        finally
        {
            await part.DeleteIfExistsAsync();
        }
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
