using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BasicTrust.Web.Tests;

/// <summary>
/// Privacy and consent in Chromium: the therapist keeps the case's people and their consent on the case page and ends
/// the guidance; the privacy officer sees consent, recordings missing it and the deletion date across cases, and sets
/// a legal hold; the editor asks who is on the recording.
/// </summary>
[Collection("web")]
public sealed class ConsentPageTests(WebFixture web)
{
    [Fact]
    public async Task Therapist_AddsAFatherAndHisConsent_EndsTheGuidance_AndThePrivacyOfficerHoldsTheDeletion()
    {
        var caseId = $"web-consent-{Guid.NewGuid():N}"[..24];
        await web.CreateCaseAsync(caseId);

        await using var browser = await web.OpenAsync(Person.TherapistA);
        var page = browser.Page;
        await browser.GoAsync($"/cases/{caseId}");
        var people = page.Locator("#case-people");
        await Assertions.Expect(people.Locator("tr[data-person='kind'] td[data-scope='terugkijken']")).ToHaveAttributeAsync("data-covered", "true");

        // A father with parental authority: from then on the child's consent needs his too.
        await page.GetByLabel("Pseudoniem").FillAsync("vader");
        await page.Locator("#person-role-case").SelectOptionAsync("vader");
        await Assertions.Expect(page.GetByLabel("heeft gezag")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Persoon toevoegen of wijzigen" }).ClickAsync();
        await Assertions.Expect(people.Locator("tr[data-person='vader'] td[data-scope='terugkijken']")).ToHaveTextAsync("ontbreekt");
        await Assertions.Expect(people.Locator("tr[data-person='kind'] td[data-scope='terugkijken']")).ToHaveAttributeAsync("data-covered", "false");

        await page.Locator("#consent-person").SelectOptionAsync("vader");
        await page.Locator("#give-consent [data-scope='terugkijken']").CheckAsync();
        await page.Locator("#consent-means").SelectOptionAsync("mondeling");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toestemming vastleggen" }).ClickAsync();
        await Assertions.Expect(people.Locator("tr[data-person='kind'] td[data-scope='terugkijken']")).ToHaveTextAsync("gegeven");
        await Assertions.Expect(page.Locator("#consents li[data-person='vader']")).ToContainTextAsync("mondeling, genoteerd");

        // A consent without a use is refused in the page's language, naming what to choose.
        await page.GetByRole(AriaRole.Button, new() { Name = "Toestemming vastleggen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#privacy-problems")).ToContainTextAsync("Kies waarvoor de toestemming geldt");
        await DutchText.AssertAsync(page, "the case's privacy and consent");

        await Assertions.Expect(page.Locator("#guidance-end")).ToContainTextAsync("30 dagen");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Begeleiding afsluiten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#guidance-end")).ToContainTextAsync("Afgesloten op");
        await Assertions.Expect(page.Locator("#guidance-end")).ToContainTextAsync("De opnamen worden gewist op");

        await using var officerBrowser = await web.OpenAsync(Person.PrivacyOfficer);
        var officer = officerBrowser.Page;
        await officerBrowser.GoAsync("/privacy");
        var row = officer.Locator($"#privacy-overview tr[data-case='{caseId}']");
        await Assertions.Expect(row.Locator("li[data-person='vader']")).ToContainTextAsync("terugkijken met het gezin");
        // Closed today with 30 days to go: due within the overview's 30 days.
        await Assertions.Expect(row.Locator("[data-due]")).ToBeVisibleAsync();
        await officer.GetByLabel("Cliëntcode (bewaarplicht)").FillAsync(caseId);
        await officer.GetByLabel("Reden").FillAsync("Klacht in behandeling");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Bewaarplicht zetten" }).ClickAsync();
        await Assertions.Expect(row.Locator($"[data-hold='{caseId}']")).ToContainTextAsync("Klacht in behandeling");
        await Assertions.Expect(row.Locator("[data-due]")).ToHaveCountAsync(0);
        await DutchText.AssertAsync(officer, "the privacy overview");

        using var api = web.Api(Person.TherapistA);
        var privacy = await api.GetFromJsonAsync<JsonObject>($"cases/{caseId}/privacy");
        Assert.Equal("Klacht in behandeling", (string?)privacy!["hold"]!["reason"]);
        Assert.False(privacy.ContainsKey("deleteAt"));
        Assert.Empty(browser.Problems);
        Assert.Empty(officerBrowser.Problems);
    }

    [Fact]
    public async Task Editor_TicksEveryoneOfTheCaseAsOnTheRecording_AndStartsWithTheCasesPeopleAsActors()
    {
        var caseId = $"web-onrec-{Guid.NewGuid():N}"[..24];
        await web.CreateCaseAsync(caseId);
        await using var browser = await web.OpenAsync(Person.TherapistA);
        var page = browser.Page;
        await browser.GoAsync($"/cases/{caseId}/sessions/s-1");
        await Assertions.Expect(page.Locator("[data-on-recording='moeder']")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("[data-on-recording='kind']")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("[data-on-recording='iemand-anders']")).Not.ToBeCheckedAsync();
        // The first session's actors are the case's people.
        await Assertions.Expect(page.Locator("#people li[data-person='kind']")).ToBeVisibleAsync();
        await DutchText.AssertAsync(page, "the editor's who is on the recording");
        Assert.Empty(browser.Problems);
    }
}
