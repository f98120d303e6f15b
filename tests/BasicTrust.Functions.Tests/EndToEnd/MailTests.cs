using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using BasicTrust.DevHost.Http;
using BasicTrust.Functions.Notifications;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>
/// Notifications by mail, end to end: the real worker through the DevHost sends over SMTP to a real smtp4dev, and the
/// tests read what arrived through its REST API. The mail settings are each person's own.
/// </summary>
[Collection("pipeline")]
public class MailTests(PipelineFixture stack)
{
    const string TherapistAddress = "therapeut-a@basictrust.test", ReviewerAddress = "supervisor@basictrust.test";

    [Fact]
    public async Task ReadyReel_SendBack_Approve_MailTheReviewerAndTheOwner_InTheirLanguage_WithIdsAndALinkOnly()
    {
        await SetAsync(People.TherapistA, new { enabled = true, address = TherapistAddress, language = "nl" });
        await SetAsync(People.Reviewer, new { enabled = true, address = ReviewerAddress, language = "en" });
        var caseId = await stack.ReadySharedCaseAsync("mail", (2, 4, "benoemen"));

        var waiting = await stack.Mail.WaitForAsync(ReviewerAddress, $"A reel is waiting for your review: {caseId} · s-1", PipelineFixture.Patience);
        Assert.Contains($"http://127.0.0.1:4280/reels/{caseId}/s-1", await stack.Mail.PlainTextAsync(waiting.Id), StringComparison.Ordinal);
        var ready = await stack.Mail.WaitForAsync(TherapistAddress, $"Uw montage is klaar: {caseId} · s-1", PipelineFixture.Patience);
        Assert.Contains($"http://127.0.0.1:4280/cases/{caseId}/sessions/s-1", await stack.Mail.PlainTextAsync(ready.Id), StringComparison.Ordinal);

        using var reviewer = stack.Api(People.Reviewer);
        var clipId = (string)JsonNode.Parse(await reviewer.GetStringAsync($"reels/{caseId}/s-1"))!["reel"]!["clips"]![0]!["clipId"]!;
        (await reviewer.PostAsJsonAsync($"reels/{caseId}/s-1/comments", new { clipId, text = "Geheime opmerking over moeder" })).EnsureSuccessStatusCode();
        (await reviewer.PostAsJsonAsync($"reels/{caseId}/s-1/decision", new { decision = "send-back" })).EnsureSuccessStatusCode();
        var sentBack = await stack.Mail.WaitForAsync(TherapistAddress, $"Uw montage is teruggestuurd met opmerkingen: {caseId} · s-1", PipelineFixture.Patience);
        (await reviewer.PostAsJsonAsync($"reels/{caseId}/s-1/decision", new { decision = "approve" })).EnsureSuccessStatusCode();
        var approved = await stack.Mail.WaitForAsync(TherapistAddress, $"Uw montage is goedgekeurd: {caseId} · s-1", PipelineFixture.Patience);

        foreach (var mail in new[] { waiting, ready, sentBack, approved })
        {
            var source = await stack.Mail.SourceAsync(mail.Id);
            // Nothing said in the review and no tag reaches a mailbox: only the pseudonymous ids and the link.
            Assert.DoesNotContain("Geheime", source, StringComparison.Ordinal);
            Assert.DoesNotContain("benoemen", source, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Auto-Submitted", source, StringComparison.Ordinal);
            Assert.Contains("auto-generated", source, StringComparison.Ordinal);
        }
        // One mail per event and person, to no one else.
        var about = (await stack.Mail.MessagesAsync()).Where(m => m.Subject.Contains(caseId, StringComparison.Ordinal)).ToList();
        Assert.Equal(4, about.Count);
        Assert.All(about, m => Assert.Contains(Assert.Single(m.To), new[] { TherapistAddress, ReviewerAddress }));
    }

    [Fact]
    public async Task MailServerDown_TheMailWaitsInTheOutbox_AndArrivesOnceItIsUp()
    {
        await SetAsync(People.TherapistA, new { enabled = true, address = TherapistAddress, language = "en" });
        await stack.Mail.StopAsync();
        string caseId;
        try
        {
            caseId = await stack.ReadySharedCaseAsync("down", (2, 4, "benoemen"));
            var planId = (string)(await stack.StatusAsync(caseId, "s-1"))!["planId"]!;
            // The state to wait for: the worker tried, could not reach the server, and put the mail back on the outbox.
            await WaitUntilAsync(() => Task.FromResult(stack.Logged(l => l.Contains($"for plan {planId}: the mail server", StringComparison.Ordinal))), "a failed attempt");
            Assert.True((await new QueueClient(stack.ConnectionString, Notifier.Outbox).GetPropertiesAsync()).Value.ApproximateMessagesCount > 0);
            Assert.False(stack.Logged(l => l.Contains($"for plan {planId}: Sent", StringComparison.Ordinal)));
        }
        finally
        {
            await stack.Mail.StartAsync();
        }
        await stack.Mail.WaitForAsync(TherapistAddress, $"Your reel is ready: {caseId} · s-1", PipelineFixture.Patience);
    }

    [Fact]
    public async Task Settings_AreEachPersonsOwn_AndMailCanBeTurnedOff()
    {
        await SetAsync(People.OtherReviewer, new { enabled = true, address = "ander@basictrust.test", language = "en" });
        using var other = stack.Api(People.OtherReviewer);
        using var therapistB = stack.Api(People.TherapistB);
        // Nobody reads another's address: the route names no one, and B's own settings are the defaults.
        var mine = JsonNode.Parse(await therapistB.GetStringAsync("me/notifications"))!;
        Assert.Equal((true, null, "nl"), ((bool)mine["enabled"]!, (string?)mine["address"], (string)mine["language"]!));
        Assert.Equal("ander@basictrust.test", (string?)JsonNode.Parse(await other.GetStringAsync("me/notifications"))!["address"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stack.Anonymous().GetAsync("me/notifications")).StatusCode);

        using (var bad = await therapistB.PutAsJsonAsync("me/notifications", new { address = "Naam <x@y.nl>", language = "de" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var rules = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["errors"]!.AsArray().Select(e => (string)e!["rule"]!).Order();
            Assert.Equal(["mail-address", "one-of"], rules);
        }
        // Mail off: the settings say so, and the sender leaves the mail unsent.
        await SetAsync(People.OtherReviewer, new { enabled = false });
        var off = JsonNode.Parse(await other.GetStringAsync("me/notifications"))!;
        Assert.Equal((false, "ander@basictrust.test"), ((bool)off["enabled"]!, (string?)off["address"]));
    }

    async Task SetAsync(DevelopmentUser who, object settings)
    {
        using var api = stack.Api(who);
        using var response = await api.PutAsJsonAsync("me/notifications", settings);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed > PipelineFixture.Patience) throw new TimeoutException($"Waited in vain for {what}.\n{stack.LogTail}");
            await Task.Delay(200);
        }
    }
}
