using Azure.Data.Tables;

namespace BasicTrust.Web.Tests;

/// <summary>
/// A person's own mail settings: the address a sign-in carries is taken on the person's first request (so mail reaches
/// someone who never opens the Meldingen page), shown as taken from the sign-in, and changed or refused in their language.
/// </summary>
[Collection("web")]
public sealed class NotificationsTests(WebFixture web)
{
    [Fact]
    public async Task SignInAddress_IsTakenOnTheFirstRequest_ShownAsSuch_AndAWrongOneIsRefusedInDutch()
    {
        // A person of their own, whose sign-in carries an address.
        var person = new Person(Guid.NewGuid().ToString(), "therapist") { SignInAddress = $"nieuw-{Guid.NewGuid():N}@basictrust.test" };
        var people = new TableServiceClient(web.ConnectionString).GetTableClient("people");
        await using var browser = await web.OpenAsync(person);
        var page = browser.Page;
        await browser.GoAsync("/cases");
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
        // Stored before the page was ever opened.
        var row = await people.GetEntityIfExistsAsync<TableEntity>(person.ObjectId, "notifications");
        Assert.True(row.HasValue);
        Assert.Equal((person.SignInAddress, true), (row.Value!.GetString("Address"), row.Value.GetBoolean("FromSignIn")));

        await browser.GoAsync("/notifications");
        await Assertions.Expect(page.GetByLabel("E-mailadres")).ToHaveValueAsync(person.SignInAddress!);
        await Assertions.Expect(page.Locator("#mail-address-hint")).ToHaveTextAsync("Overgenomen van uw inlog; u kunt het wijzigen.");
        await page.GetByLabel("E-mailadres").FillAsync("Naam <naam@voorbeeld.nl>");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#mail-address-error")).ToHaveTextAsync("Vul één e-mailadres in, zoals naam@voorbeeld.nl.");
        await DutchText.AssertAsync(page, "a wrong address");

        await page.GetByLabel("E-mail ontvangen").UncheckAsync();
        await page.GetByLabel("E-mailadres").FillAsync(person.SignInAddress!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.Locator("form [role=status]")).ToHaveTextAsync("Opgeslagen. U krijgt geen meldingen per e-mail.");
        Assert.False((await people.GetEntityAsync<TableEntity>(person.ObjectId, "notifications")).Value.GetBoolean("Enabled"));
        Assert.Empty(await browser.AccessibilityProblemsAsync());

        // An address the person removes stays removed: the sign-in's is not taken again.
        await page.GetByLabel("E-mailadres").FillAsync("");
        var saved = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync(),
            r => r.Url.EndsWith("/api/me/notifications", StringComparison.Ordinal) && r.Request.Method == "PUT");
        Assert.Equal(200, saved.Status);
        await browser.GoAsync("/notifications");
        await Assertions.Expect(page.GetByLabel("E-mailadres")).ToHaveValueAsync("");
        Assert.Null((await people.GetEntityAsync<TableEntity>(person.ObjectId, "notifications")).Value.GetString("Address"));
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task WithoutAnAddress_TheCasesPageAsksForOne_UntilItIsSet()
    {
        // The web app's sign-in carries no address (userDetails is the object id): the person is asked.
        var person = new Person(Guid.NewGuid().ToString(), "therapist");
        await using var browser = await web.OpenAsync(person);
        var page = browser.Page;
        await browser.GoAsync("/cases");
        var ask = page.Locator("#ask-address");
        await Assertions.Expect(ask).ToContainTextAsync("U krijgt nog geen e-mail");
        await DutchText.AssertAsync(page, "asked for an address");
        await ask.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByLabel("E-mailadres").FillAsync($"gevraagd-{Guid.NewGuid():N}@basictrust.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.Locator("form [role=status]")).ToHaveTextAsync("Opgeslagen. U krijgt meldingen per e-mail.");
        await browser.GoAsync("/cases");
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
        await Assertions.Expect(ask).ToHaveCountAsync(0);
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task InEnglish_AtPhoneWidth_ThePageSpeaksEnglish_AndIsAccessible()
    {
        await using var browser = await web.OpenAsync(Person.TherapistB, language: "en", width: 390, height: 844);
        var page = browser.Page;
        await browser.GoAsync("/notifications");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Notifications by e-mail");
        await Assertions.Expect(page.GetByLabel("E-mail address")).ToBeVisibleAsync();
        Assert.Empty(await browser.AccessibilityProblemsAsync());
        Assert.Empty(browser.Problems);
    }
}
