using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BasicTrust.Web.Tests;

/// <summary>
/// A review's second round, end to end in the browser: a comment pinned to a moment and the reel sent back; the
/// therapist finds it in the editor at that recording time, marks it addressed and sends changed tags; the session
/// page follows the new plan; the supervisor sees round 2 marked, with round 1's comment, and approves. Each step's
/// mail arrives at the local mail server (smtp4dev), at the addresses both set on their Meldingen page.
/// </summary>
[Collection("web")]
public sealed class RoundsTests(WebFixture web)
{
    [Fact]
    public async Task SendBackWithAPinnedComment_Addressed_Resent_IsRound2WithRound1sComment_ThenApproved()
    {
        var caseId = $"web-rounds-{Guid.NewGuid():N}"[..24];
        const string sessionId = "2026-12-04-bezoek-4";
        const string text = "Hier kijkt het kind op; wacht u even?";
        await SetMailAddressAsync(Person.TherapistA, TherapistAddress);
        await SetMailAddressAsync(Person.Reviewer, ReviewerAddress);
        await Sessions.MakeReadyAsync(web, caseId, sessionId, Person.Reviewer);
        var about = $"{caseId} · {sessionId}";
        await web.Mail.WaitForAsync(ReviewerAddress, $"Een montage wacht op uw beoordeling: {about}", Sessions.Patience);
        await web.Mail.WaitForAsync(TherapistAddress, $"Uw montage is klaar: {about}", Sessions.Patience);
        using var api = web.Api(Person.Reviewer);
        var first = await api.GetFromJsonAsync<JsonObject>($"reels/{caseId}/{sessionId}");
        var chapter = first!["reel"]!["chapters"]![1]!;
        var reel = $"/reels/{caseId}/{sessionId}";

        // The supervisor pauses one second into the second clip and comments at that moment; a marker seeks back to it.
        await using (var reviewer = await web.OpenAsync(Person.Reviewer))
        {
            var page = reviewer.Page;
            await reviewer.GoAsync(reel);
            var at = (double)chapter["start"]! + 1;
            await page.EvaluateAsync("at => { document.getElementById('reel').currentTime = at; }", at);
            await page.GetByRole(AriaRole.Button, new() { Name = "Opmerking bij dit moment" }).ClickAsync();
            var field = page.GetByLabel("Opmerking bij fragment 2", new() { Exact = true });
            await Assertions.Expect(field).ToBeFocusedAsync();
            var clip = page.Locator("li.clip", new() { Has = field });
            await Assertions.Expect(clip).ToContainTextAsync("Bij 0:01.00 in dit fragment.");
            await field.FillAsync(text);
            await clip.GetByRole(AriaRole.Button, new() { Name = "Opmerking plaatsen bij fragment 2" }).ClickAsync();
            await Assertions.Expect(clip.Locator(".comments li")).ToContainTextAsync(text);
            var marker = page.Locator(".markers .marker");
            await Assertions.Expect(marker).ToHaveCountAsync(1);
            await page.EvaluateAsync("() => { document.getElementById('reel').currentTime = 0; }");
            await marker.ClickAsync();
            await page.WaitForFunctionAsync("at => Math.abs(document.getElementById('reel').currentTime - at) < 0.05", at);
            Assert.Empty(await reviewer.AccessibilityProblemsAsync());

            await DutchText.AssertAsync(page, "a comment at a moment");

            await page.GetByRole(AriaRole.Button, new() { Name = "Terugsturen met opmerkingen" }).ClickAsync();
            await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync($"Teruggestuurd: {caseId}");
            await Assertions.Expect(page.Locator("#sent-back .card", new() { HasText = caseId })).ToHaveCountAsync(1);
            await DutchText.AssertAsync(page, "sent back");
            Assert.Empty(reviewer.Problems);
        }

        // The therapist finds it beside the moment at that recording time, marks it addressed, changes a moment and sends.
        // The mail names the ids and links to the page: the therapist follows the link.
        var sentBack = await web.Mail.WaitForAsync(TherapistAddress, $"Uw montage is teruggestuurd met opmerkingen: {about}", Sessions.Patience);
        var link = Regex.Match(await web.Mail.PlainTextAsync(sentBack.Id), @"https?://\S+").Value;
        Assert.DoesNotContain(text, await web.Mail.SourceAsync(sentBack.Id), StringComparison.Ordinal);
        Assert.Equal(reel, new Uri(link).AbsolutePath);
        await using (var therapist = await web.OpenAsync(Person.TherapistA))
        {
            var page = therapist.Page;
            await therapist.GoAsync(new Uri(link).AbsolutePath);
            await Assertions.Expect(page.Locator("#earlier-rounds, .comments").First).ToContainTextAsync(text);
            await therapist.GoAsync($"/cases/{caseId}/sessions/{sessionId}");
            var row = page.Locator("#tag-list tbody tr", new() { HasText = text });
            await Assertions.Expect(row).ToHaveCountAsync(1);
            await Assertions.Expect(row).ToContainTextAsync("Ronde 1");
            await Assertions.Expect(row).ToContainTextAsync("0:05");
            await row.GetByRole(AriaRole.Button, new() { Name = "Markeer als verwerkt" }).ClickAsync();
            await Assertions.Expect(page.Locator("#tag-list tbody tr", new() { HasText = text }).Locator(".badge.addressed")).ToContainTextAsync("verwerkt");
            await DutchText.AssertAsync(page, "a comment addressed");

            var before = (await page.Locator("#tag-list tbody tr").Last.InnerTextAsync());
            await page.Locator(".bar .edge.end").Last.FocusAsync();
            await page.Keyboard.PressAsync("ArrowLeft");
            await Assertions.Expect(page.Locator("#tag-list tbody tr").Last).Not.ToHaveTextAsync(before);
            await page.GetByRole(AriaRole.Button, new() { Name = "Insturen" }).ClickAsync();
            await Assertions.Expect(page.Locator("#tags-accepted")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#pipeline-state")).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = (float)Sessions.Patience.TotalMilliseconds });
            // Ready is the new manifest's: the status the page shows answers the manifest just stored.
            var stored = (await web.Blobs.GetBlobContainerClient("recordings").GetBlobClient($"{caseId}/{sessionId}/session.json").GetPropertiesAsync()).Value.ETag.ToString();
            var status = await web.Api(Person.TherapistA).GetFromJsonAsync<JsonObject>($"sessions/{caseId}/{sessionId}");
            Assert.Equal((stored, "ready"), ((string?)status!["manifest"], (string?)status["state"]));
            Assert.NotEqual((string?)first["reel"]!["planId"], (string?)status["planId"]);
            await DutchText.AssertAsync(page, "round 2 ready");
            Assert.Empty(therapist.Problems);
        }

        // Round 2 on the queue, marked; round 1's comment on its page, addressed; approved, and the queue says so.
        await using (var reviewer = await web.OpenAsync(Person.Reviewer))
        {
            var page = reviewer.Page;
            await reviewer.GoAsync("/reviews");
            var card = page.Locator(".cards:not(#sent-back) .card", new() { HasText = caseId });
            await Assertions.Expect(card).ToContainTextAsync("opnieuw ingestuurd (ronde 2)", new() { Timeout = (float)Sessions.Patience.TotalMilliseconds });
            await card.GetByRole(AriaRole.Link).ClickAsync();
            var earlier = page.Locator("#earlier-rounds");
            await Assertions.Expect(earlier).ToContainTextAsync("Ronde 1");
            await Assertions.Expect(earlier).ToContainTextAsync(text);
            await Assertions.Expect(earlier).ToContainTextAsync("verwerkt");
            await Assertions.Expect(page.Locator(".markers .marker")).ToHaveCountAsync(0);
            await DutchText.AssertAsync(page, "round 2");
            Assert.Empty(await reviewer.AccessibilityProblemsAsync());
            await page.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren" }).ClickAsync();
            await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync($"Goedgekeurd: {caseId}");
            await Assertions.Expect(page.Locator(".card", new() { HasText = caseId })).ToHaveCountAsync(0);
            Assert.Empty(reviewer.Problems);
        }

        // Round 2 made the reviewer a second "waiting" mail and the therapist a second "klaar"; the verdict reached the
        // therapist. The outbox sends in no set order: wait until each has come, then check none came twice.
        await web.Mail.WaitForAsync(TherapistAddress, $"Uw montage is goedgekeurd: {about}", Sessions.Patience);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (toReviewer, toTherapist) = (0, 0);
        while ((toReviewer, toTherapist) != (2, 4) && clock.Elapsed < Sessions.Patience)
        {
            var mails = (await web.Mail.MessagesAsync()).Where(m => m.Subject.Contains(about, StringComparison.Ordinal)).ToList();
            (toReviewer, toTherapist) = (Count(mails, ReviewerAddress), Count(mails, TherapistAddress));
            if ((toReviewer, toTherapist) != (2, 4)) await Task.Delay(250);
        }
        Assert.Equal((2, 4), (toReviewer, toTherapist));
    }

    static int Count(IEnumerable<ReceivedMail> mails, string address) =>
        mails.Count(m => m.To.Any(to => to.Contains(address, StringComparison.Ordinal)));

    const string TherapistAddress = "therapeut-a@basictrust.test", ReviewerAddress = "supervisor@basictrust.test";

    /// <summary>The person sets their address on the Meldingen page, as a new user would.</summary>
    async Task SetMailAddressAsync(Person person, string address)
    {
        await using var browser = await web.OpenAsync(person);
        var page = browser.Page;
        await browser.GoAsync("/notifications");
        await page.GetByLabel("E-mailadres").FillAsync(address);
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.Locator("form [role=status]")).ToHaveTextAsync("Opgeslagen. U krijgt meldingen per e-mail.");
        await DutchText.AssertAsync(page, "notifications");
        Assert.Empty(await browser.AccessibilityProblemsAsync());
        Assert.Empty(browser.Problems);
    }
}
