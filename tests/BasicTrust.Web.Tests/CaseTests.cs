using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BasicTrust.Web.Tests;

/// <summary>A therapist's case page: sharing with a supervisor, and a session whose pipeline fails.</summary>
[Collection("web")]
public sealed class CaseTests(WebFixture web)
{
    [Fact]
    public async Task Therapist_SharesCaseWithReviewerByObjectId_AndTakesItBack()
    {
        const string caseId = "web-share";
        using var api = web.Api(Person.TherapistA);
        (await api.PostAsJsonAsync("cases", new { caseId })).EnsureSuccessStatusCode();

        await using var browser = await web.OpenAsync(Person.TherapistA, "en");
        var page = browser.Page;
        await browser.GoAsync($"/cases/{caseId}");
        await Assertions.Expect(page.Locator("#reviewers")).ToHaveTextAsync("Shared with nobody.");
        var field = page.GetByLabel("The supervisor's object id (Entra ID)");
        await field.FillAsync("not-an-object-id");
        await page.GetByRole(AriaRole.Button, new() { Name = "Share", Exact = true }).ClickAsync();
        await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(field).ToBeFocusedAsync();

        await field.FillAsync(Person.Reviewer.ObjectId);
        await field.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#reviewers")).ToContainTextAsync(Person.Reviewer.ObjectId);
        var shared = await api.GetFromJsonAsync<JsonObject>($"cases/{caseId}");
        Assert.Equal([Person.Reviewer.ObjectId], shared!["reviewers"]!.AsArray().Select(r => (string)r!));

        await page.GetByRole(AriaRole.Button, new() { Name = $"Stop sharing with {Person.Reviewer.ObjectId}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reviewers")).ToHaveTextAsync("Shared with nobody.");
        var unshared = await api.GetFromJsonAsync<JsonObject>($"cases/{caseId}");
        Assert.Empty(unshared!["reviewers"]!.AsArray());
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task Therapist_SendsTagsWithoutTheRecording_PageShowsFailedWithTheProblemNamed()
    {
        const string caseId = "web-failed";
        const string sessionId = "s1";
        var manifest = Path.Combine(web.Folder, "no-recording.json");
        await File.WriteAllTextAsync(manifest, Sessions.Manifest(caseId, sessionId));
        await web.CreateCaseAsync(caseId);

        await using var browser = await web.OpenAsync(Person.TherapistA);
        var page = browser.Page;
        await browser.GoAsync($"/cases/{caseId}/sessions/{sessionId}");
        await page.GetByLabel("Tags importeren").SetInputFilesAsync(manifest);
        await page.GetByRole(AriaRole.Button, new() { Name = "Insturen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pipeline-state")).ToHaveAttributeAsync("data-state", "failed", new() { Timeout = (float)Sessions.Patience.TotalMilliseconds });
        await Assertions.Expect(page.Locator("#pipeline-state")).ToHaveTextAsync("Mislukt");
        await Assertions.Expect(page.Locator("#pipeline ul.error")).ToContainTextAsync("recording");
        await DutchText.AssertAsync(page, "the pipeline's problem");
        Assert.Empty(browser.Problems);
    }
}
