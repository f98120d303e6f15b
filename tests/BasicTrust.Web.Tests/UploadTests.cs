using System.Text.Json.Nodes;
using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using BasicTrust.Storage;

namespace BasicTrust.Web.Tests;

/// <summary>A therapist's way in: a case, a session, the recording uploaded from the page, the tags sent, the reel made.</summary>
[Collection("web")]
public sealed partial class UploadTests(WebFixture web, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>How long an upload may take on a busy machine (every block here also passes through Playwright's router).</summary>
    const float Patience = 60_000;

    [Fact]
    public async Task Therapist_CreatesCase_UploadsInBlocksWithProgress_TagsThreeMomentsByKeyboard_SeesThePlan_Sends_AndSeesReady()
    {
        const string caseId = "web-upload";
        const string sessionId = "2026-11-27-bezoek-4";

        await using var browser = await web.OpenAsync(Person.TherapistA, timeZone: "Europe/Amsterdam");
        var page = browser.Page;
        await browser.GoAsync("/cases");

        // Ids are checked as they are typed.
        var caseField = page.GetByLabel("Cliëntcode");
        await caseField.FillAsync("Fam 42");
        await Assertions.Expect(caseField).ToHaveAttributeAsync("aria-invalid", "true");
        await caseField.FillAsync(caseId);
        await Assertions.Expect(caseField).ToHaveAttributeAsync("aria-invalid", "false");
        await caseField.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/cases/{caseId}$"));
        // Before a recording: the family, and the mother's consent to watch back (for herself and her child of 2–3).
        foreach (var (id, role, band) in new[] { ("moeder", "moeder", ""), ("kind", "kind", "2-3") })
        {
            await page.GetByLabel("Pseudoniem").FillAsync(id);
            await page.Locator("#person-role-case").SelectOptionAsync(role);
            await page.Locator("#person-age-band").SelectOptionAsync(band);
            await page.GetByRole(AriaRole.Button, new() { Name = "Persoon toevoegen of wijzigen" }).ClickAsync();
            await Assertions.Expect(page.Locator($"#case-people tr[data-person='{id}']")).ToBeVisibleAsync();
        }
        await page.Locator("#consent-person").SelectOptionAsync("moeder");
        await page.Locator("#give-consent [data-scope='terugkijken']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Toestemming vastleggen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#case-people tr[data-person='kind'] td[data-scope='terugkijken']")).ToHaveTextAsync("gegeven");
        await page.GetByLabel("Sessiecode").FillAsync(sessionId);
        await page.GetByLabel("Sessiecode").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/cases/{caseId}/sessions/{sessionId}$"));

        // Every progress value the page shows is recorded, so the test sees the bar move to 100 %.
        await page.Locator("#upload-progress").WaitForAsync();
        await page.EvaluateAsync("""
            () => {
              window.progressSeen = [];
              const bar = document.getElementById('upload-progress');
              new MutationObserver(() => window.progressSeen.push(bar.value)).observe(bar, { attributes: true });
            }
            """);
        await page.GetByLabel("Opname", new() { Exact = true }).SetInputFilesAsync(web.Recording);
        await page.GetByRole(AriaRole.Button, new() { Name = "Uploaden" }).ClickAsync();
        await Assertions.Expect(page.Locator("#upload-progress-text")).ToContainTextAsync("recording.mp4 is geüpload", new() { Timeout = Patience });
        Assert.Equal(100, await page.EvalOnSelectorAsync<double>("#upload-progress", "bar => bar.value"));
        await DutchText.AssertAsync(page, "uploaded");
        var seen = await page.EvaluateAsync<double[]>("() => window.progressSeen");
        Assert.Equal(seen.Order(), seen);

        // It arrived whole, in Blob storage, as the recording of this session.
        var blob = web.Blobs.GetBlobContainerClient("recordings").GetBlockBlobClient($"{caseId}/{sessionId}/recording.mp4");
        var stored = (await blob.DownloadContentAsync()).Value;
        Assert.Equal("video/mp4", stored.Details.ContentType);
        var bytes = await File.ReadAllBytesAsync(web.Recording);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(stored.Content.ToArray()));
        // Its blocks are named as bt names them, so an upload begun with one can be finished with the other.
        var blocks = (await blob.GetBlockListAsync(BlockListTypes.Committed)).Value.CommittedBlocks.Select(b => b.Name);
        var expected = bytes.Chunk(8 * 1024 * 1024).Select((chunk, i) => ResumableUpload.BlockId(i, chunk));
        Assert.Equal(expected, blocks);
        // An H.264 recording plays as it is: no preview is made.
        await Assertions.Expect(page.Locator("#served-preview")).ToHaveAttributeAsync("data-state", "not-needed", new() { Timeout = Patience });
        Assert.Empty(await web.Blobs.GetBlobContainerClient("previews").GetBlobsAsync(new GetBlobsOptions { Prefix = $"{caseId}/" }).ToListAsync());

        // Three moments tagged with the keyboard alone, in the player the recording plays in.
        await page.Locator("#editor").FocusAsync();
        var keys = page.Keyboard;
        async Task PressAsync(params string[] sequence) { foreach (var key in sequence) await keys.PressAsync(key); }
        await PressAsync("ArrowRight", "i", "ArrowRight", "ArrowRight", "o", "1", "Enter");          // 1–3 s, label 1: Benoemen
        await PressAsync("ArrowRight", "i", "ArrowRight", "o", "8", "u", "u", "Enter");               // 4–5 s, label 8: Verwarringscheppend opvoedgedrag, slowed (U twice)
        await PressAsync("Shift+ArrowRight", "ArrowLeft", "i", "ArrowRight", "ArrowRight", "o", "l"); // 9–11 s, the label typed with a mistake
        await keys.TypeAsync("benomen");
        await keys.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#accept-suggestion")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#accept-suggestion")).ToHaveTextAsync("Bedoelt u Benoemen?");
        await PressAsync("Enter", "Enter");
        var rows = page.Locator("#tag-list tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Verwarringscheppend opvoedgedrag (vertragen)");
        await Assertions.Expect(page.Locator("#tag-t3")).ToContainTextAsync("0:11.00");

        // The plan is the API's dry run: with the default pre- and post-roll the first two moments make one clip.
        await Assertions.Expect(page.Locator("#plan-summary")).ToContainTextAsync("2 fragmenten");
        await Assertions.Expect(page.Locator(".plan-clips li")).ToHaveCountAsync(2);
        await DutchText.AssertAsync(page, "tagged, with the plan");

        // A bar's edge dragged with the mouse changes the moment's end.
        var edge = await page.Locator(".bar[title='t3'] .edge.end").BoundingBoxAsync();
        await page.Mouse.MoveAsync(edge!.X + edge.Width / 2, edge.Y + edge.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(edge.X - 20, edge.Y + edge.Height / 2, new() { Steps = 4 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.Locator("#tag-t3")).Not.ToContainTextAsync("0:11.00");

        // The next feedback session, in the browser's own date and time picker, on the therapist's clock (Amsterdam).
        await page.GetByLabel("Volgend terugkijkgesprek").FillAsync("2031-11-28T10:00");
        await Assertions.Expect(page.Locator("#next-session-hint")).ToContainTextAsync("Europe/Amsterdam");

        await page.GetByRole(AriaRole.Button, new() { Name = "Insturen" }).ClickAsync();
        // Received is news, not a problem: a status, and nothing in the problems.
        await Assertions.Expect(page.Locator("#send-status[role=status] #tags-accepted")).ToHaveTextAsync("Ontvangen. De montage wordt gemaakt.");
        await Assertions.Expect(page.Locator("#send-problems")).ToBeEmptyAsync();
        var sent = JsonNode.Parse((await web.Blobs.GetBlobContainerClient("recordings").GetBlobClient($"{caseId}/{sessionId}/session.json").DownloadContentAsync()).Value.Content.ToString())!;
        Assert.Equal("2031-11-28T10:00:00+01:00", (string?)sent["nextSessionAt"]);
        Assert.Equal(["benoemen", "verwarringscheppend-gedrag", "benoemen"], sent["tags"]!.AsArray().Select(t => (string)t!["label"]!));
        Assert.Equal((1.0, 3.0), ((double)sent["tags"]![0]!["start"]!, (double)sent["tags"]![0]!["end"]!));
        Assert.Equal([null, "slow", null], sent["tags"]!.AsArray().Select(t => (string?)t!["emphasis"]));
        Assert.InRange((double)sent["tags"]![2]!["end"]!, 9.2, 10.95);
        Assert.Equal("recording.mp4", (string?)sent["recording"]);
        await Assertions.Expect(page.Locator("#pipeline-state")).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = (float)Sessions.Patience.TotalMilliseconds });
        // What sending said gave way to where the pipeline is.
        await Assertions.Expect(page.Locator("#send-status #tags-state")).ToHaveTextAsync("Klaar");
        await Assertions.Expect(page.Locator("#tags-accepted")).ToHaveCountAsync(0);
        await DutchText.AssertAsync(page, "sent and ready");
        await page.GetByRole(AriaRole.Link, new() { Name = "Montage bekijken" }).ClickAsync();
        await Assertions.Expect(page.Locator("button.chapter")).ToHaveCountAsync(2);
        await DutchText.AssertAsync(page, "the reel");

        // The review queue (the therapist reviews their own reels while the case is shared with nobody) and the case
        // page say when the next session is, in the reader's language and on the reader's clock.
        await browser.GoAsync("/reviews");
        var card = page.Locator(".card", new() { HasText = caseId });
        await Assertions.Expect(card).ToContainTextAsync("vrijdag 28 november 2031 om 10:00");
        await browser.GoAsync($"/cases/{caseId}");
        await Assertions.Expect(page.Locator($"[data-session='{sessionId}']")).ToContainTextAsync("volgend terugkijkgesprek vrijdag 28 november 2031 om 10:00");
        Assert.Empty(browser.Problems);

        await using var abroad = await web.OpenAsync(Person.TherapistA, "en", timeZone: "America/New_York");
        await abroad.GoAsync("/reviews");
        await Assertions.Expect(abroad.Page.Locator(".card", new() { HasText = caseId })).ToContainTextAsync("28 November 2031 at 04:00");
        Assert.Empty(abroad.Problems);
    }

    [Fact]
    public async Task Therapist_SendsTagsWithAMistake_EveryProblemIsNamed()
    {
        const string caseId = "web-mistake";
        const string sessionId = "s1";
        var manifest = Path.Combine(web.Folder, "mistake.json");
        await File.WriteAllTextAsync(manifest, Sessions.Manifest(caseId, sessionId).Replace("\"benoemen\"", "\"benomen\""));
        await web.CreateCaseAsync(caseId);

        await using var browser = await web.OpenAsync(Person.TherapistA, "en");
        var page = browser.Page;
        await browser.GoAsync($"/cases/{caseId}/sessions/{sessionId}");
        // The recording is chosen (not uploaded): the editor knows its length, so the plan can be checked.
        await page.GetByLabel("Recording", new() { Exact = true }).SetInputFilesAsync(web.Recording);
        await page.GetByLabel("Import tags").SetInputFilesAsync(manifest);
        // The dry run names the problem by the moment before anything is sent ...
        await Assertions.Expect(page.Locator("#plan .plan-problems")).ToContainTextAsync("moment t1");
        await Assertions.Expect(page.Locator("#plan .plan-problems")).ToContainTextAsync("did you mean 'benoemen'");
        // ... and sending it anyway is refused with every problem named.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var problems = page.Locator("#send-problems");
        await Assertions.Expect(problems).ToContainTextAsync("tags[0].label");
        await Assertions.Expect(problems).ToContainTextAsync("benoemen");
    }

    [Fact]
    public async Task Therapist_ImportsTagsWithMistakes_EveryProblemIsSaidInDutch()
    {
        const string caseId = "web-mistake-nl";
        const string sessionId = "s1";
        var manifest = Path.Combine(web.Folder, "mistake-nl.json");
        await File.WriteAllTextAsync(manifest, Sessions.Manifest(caseId, sessionId).Replace("\"benoemen\"", "\"benomen\""));
        var csv = Path.Combine(web.Folder, "no-label.csv");
        await File.WriteAllTextAsync(csv, "start,end\n1,2\n");
        await web.CreateCaseAsync(caseId);

        await using var browser = await web.OpenAsync(Person.TherapistA);
        var page = browser.Page;
        await browser.GoAsync($"/cases/{caseId}/sessions/{sessionId}");
        await page.GetByLabel("Opname", new() { Exact = true }).SetInputFilesAsync(web.Recording);
        // A CSV file the API's import refuses: the rule's sentence in Dutch.
        await page.GetByLabel("Tags importeren").SetInputFilesAsync(csv);
        await Assertions.Expect(page.Locator("#import-problems")).ToContainTextAsync("label");
        await DutchText.AssertAsync(page, "an import refused");
        // The dry run names the mistyped label by the moment, with the API's suggestion, in Dutch ...
        await page.GetByLabel("Tags importeren").SetInputFilesAsync(manifest);
        await Assertions.Expect(page.Locator("#plan .plan-problems")).ToContainTextAsync("moment t1");
        await Assertions.Expect(page.Locator("#plan .plan-problems")).ToContainTextAsync("„benoemen”");
        await DutchText.AssertAsync(page, "the dry run's problems");
        // ... and sending it anyway is refused, each problem named in Dutch.
        await page.GetByRole(AriaRole.Button, new() { Name = "Insturen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#send-problems")).ToContainTextAsync("tags[0].label");
        await DutchText.AssertAsync(page, "the manifest refused");
    }

    [Fact]
    public async Task Offline_APageSaysSoInDutch_AndKeepsWhatWasTyped()
    {
        const string offline = "Geen verbinding; uw werk staat nog op deze pagina.";
        await using var browser = await web.OpenAsync(Person.TherapistA);
        var page = browser.Page;
        await browser.GoAsync("/cases");
        var caseField = page.GetByLabel("Cliëntcode");
        await caseField.FillAsync("web-offline");

        await browser.Context.SetOfflineAsync(true);
        // A request that cannot leave the browser.
        await caseField.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main .problems")).ToHaveTextAsync(offline);
        await DutchText.AssertAsync(page, "offline, a case not created");
        // A page whose code was never loaded: the import fails, and the page on screen stays.
        await page.GetByRole(AriaRole.Link, new() { Name = "Te bekijken" }).ClickAsync();
        await Assertions.Expect(page.Locator("#offline")).ToHaveTextAsync(offline);
        await Assertions.Expect(caseField).ToHaveValueAsync("web-offline");
        await DutchText.AssertAsync(page, "offline, another page not opened");

        await browser.Context.SetOfflineAsync(false);
        await caseField.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cases/web-offline$"));
    }

    [Fact]
    public async Task Upload_InterruptedThenReloaded_GoesOnFromTheBlocksAlreadySent()
    {
        const string caseId = "web-resume";
        const string sessionId = "s1";
        // Three blocks (8 + 8 MiB and a little); the bytes only need to arrive whole.
        var file = Path.Combine(web.Folder, "long-visit.mp4");
        var bytes = new byte[16 * 1024 * 1024 + 65536];
        new Random(16).NextBytes(bytes);
        await File.WriteAllBytesAsync(file, bytes);
        await web.CreateCaseAsync(caseId);

        await using var browser = await web.OpenAsync(Person.TherapistA);
        var page = browser.Page;
        // Block ids are base64 of "{index:6}-{hash}": "MDAwMDAx" is "000001". The connection drops for the second block.
        var dropSecondBlock = true;
        var puts = new System.Collections.Concurrent.ConcurrentBag<string>();
        await page.RouteAsync(url => url.Contains("comp=block&") || url.EndsWith("comp=block", StringComparison.Ordinal), async route =>
        {
            try
            {
                var id = System.Web.HttpUtility.ParseQueryString(new Uri(route.Request.Url).Query)["blockid"] ?? "";
                if (dropSecondBlock && id.StartsWith("MDAwMDAx", StringComparison.Ordinal)) { await route.AbortAsync(); return; }
                puts.Add(id[..8]);
                await route.ContinueAsync();
            }
            catch (PlaywrightException) { }
        });
        await browser.GoAsync($"/cases/{caseId}/sessions/{sessionId}");
        await page.GetByLabel("Opname", new() { Exact = true }).SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Uploaden" }).ClickAsync();
        await Assertions.Expect(page.GetByText("De upload is onderbroken")).ToBeVisibleAsync(new() { Timeout = Patience });
        await DutchText.AssertAsync(page, "upload interrupted");
        // The blocks that did get through are in the page's journal.
        await page.WaitForFunctionAsync("""
            () => {
              const journal = Object.entries(localStorage).find(([k]) => k.startsWith('basictrust.upload.'));
              return journal && JSON.parse(journal[1]).filter(id => id.startsWith('MDAwMDAw') || id.startsWith('MDAwMDAy')).length === 2;
            }
            """);
        Assert.DoesNotContain("MDAwMDAx", puts);

        // The laptop was closed: a new page says where the upload stopped and how to go on (two of three blocks
        // arrived: 8 MiB and 64 KiB of 16.8 MB), and the same file goes on from there.
        dropSecondBlock = false;
        await browser.GoAsync($"/cases/{caseId}/sessions/{sessionId}");
        await Assertions.Expect(page.Locator("#recording-stored")).ToContainTextAsync("De upload van long-visit.mp4 (16,8 MB) is onderbroken bij 50 %.");
        await Assertions.Expect(page.Locator("#recording-stored")).ToContainTextAsync("Kies hetzelfde bestand (long-visit.mp4)");
        await page.GetByLabel("Opname", new() { Exact = true }).SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Uploaden" }).ClickAsync();
        await Assertions.Expect(page.Locator("#upload-progress-text")).ToContainTextAsync("long-visit.mp4 is geüpload", new() { Timeout = Patience });

        Assert.Equal(["MDAwMDAw", "MDAwMDAx", "MDAwMDAy"], puts.Order());
        var stored = await web.Blobs.GetBlobContainerClient("recordings").GetBlobClient($"{caseId}/{sessionId}/long-visit.mp4").DownloadContentAsync();
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(stored.Value.Content.ToArray()));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('basictrust.upload.')).length"));

        // Reloaded once more, step 1 says the recording is stored: its name, size and when.
        await Assertions.Expect(page.Locator("#recording-stored")).ToContainTextAsync("Opgeslagen: long-visit.mp4 (16,8 MB)");
        await browser.GoAsync($"/cases/{caseId}/sessions/{sessionId}");
        await Assertions.Expect(page.Locator("#recording-stored")).ToHaveTextAsync(new Regex(@"^Opgeslagen: long-visit\.mp4 \(16,8 MB\), \w+dag \d+ \w+ \d{4} om \d{2}:\d{2}\.$"));
    }
}
