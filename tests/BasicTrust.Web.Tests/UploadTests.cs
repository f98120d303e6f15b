using System.Security.Cryptography;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using BasicTrust.Storage;

namespace BasicTrust.Web.Tests;

/// <summary>A therapist's way in: a case, a session, the recording uploaded from the page, the tags sent, the reel made.</summary>
[Collection("web")]
public sealed class UploadTests(WebFixture web, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>How long an upload may take on a busy machine (every block here also passes through Playwright's router).</summary>
    const float Patience = 60_000;

    [Fact]
    public async Task Therapist_CreatesCase_UploadsRecordingInBlocksWithProgress_SendsTags_AndSeesReady()
    {
        const string caseId = "web-upload";
        const string sessionId = "2026-11-27-bezoek-4";
        var manifest = Path.Combine(web.Folder, "upload-session.json");
        await File.WriteAllTextAsync(manifest, Sessions.Manifest(caseId, sessionId));

        await using var browser = await web.OpenAsync(Person.TherapistA);
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
        await page.GetByLabel("Sessiecode").FillAsync(sessionId);
        await page.GetByLabel("Sessiecode").PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/cases/{caseId}/sessions/{sessionId}$"));

        // Every progress value the page shows is recorded, so the test sees the bar move to 100 %.
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

        await page.GetByLabel("Sessiebestand (JSON)").SetInputFilesAsync(manifest);
        await page.GetByRole(AriaRole.Button, new() { Name = "Insturen" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Ontvangen. De montage wordt gemaakt.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#pipeline-state")).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = (float)Sessions.Patience.TotalMilliseconds });
        await page.GetByRole(AriaRole.Link, new() { Name = "Montage bekijken" }).ClickAsync();
        await Assertions.Expect(page.Locator("button.chapter")).ToHaveCountAsync(3);
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task Therapist_SendsTagsWithAMistake_EveryProblemIsNamed()
    {
        const string caseId = "web-mistake";
        const string sessionId = "s1";
        var manifest = Path.Combine(web.Folder, "mistake.json");
        await File.WriteAllTextAsync(manifest, Sessions.Manifest(caseId, sessionId).Replace("\"benoemen\"", "\"benomen\""));
        using (var api = web.Api(Person.TherapistA))
            (await api.PostAsync("cases", new StringContent($$"""{"caseId": "{{caseId}}"}""", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        await using var browser = await web.OpenAsync(Person.TherapistA, "en");
        var page = browser.Page;
        await browser.GoAsync($"/cases/{caseId}/sessions/{sessionId}");
        await page.GetByLabel("Session file (JSON)").SetInputFilesAsync(manifest);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var problems = page.Locator("section", new() { HasText = "2. Send the tags" }).GetByRole(AriaRole.Alert);
        await Assertions.Expect(problems).ToContainTextAsync("tags[0].label");
        await Assertions.Expect(problems).ToContainTextAsync("benoemen");
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
        using (var api = web.Api(Person.TherapistA))
            (await api.PostAsync("cases", new StringContent($$"""{"caseId": "{{caseId}}"}""", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

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
        // The blocks that did get through are in the page's journal.
        await page.WaitForFunctionAsync("""
            () => {
              const journal = Object.entries(localStorage).find(([k]) => k.startsWith('basictrust.upload.'));
              return journal && JSON.parse(journal[1]).filter(id => id.startsWith('MDAwMDAw') || id.startsWith('MDAwMDAy')).length === 2;
            }
            """);
        Assert.DoesNotContain("MDAwMDAx", puts);

        // The laptop was closed: a new page, the same file.
        dropSecondBlock = false;
        await browser.GoAsync($"/cases/{caseId}/sessions/{sessionId}");
        await page.GetByLabel("Opname", new() { Exact = true }).SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Uploaden" }).ClickAsync();
        await Assertions.Expect(page.Locator("#upload-progress-text")).ToContainTextAsync("long-visit.mp4 is geüpload", new() { Timeout = Patience });

        Assert.Equal(["MDAwMDAw", "MDAwMDAx", "MDAwMDAy"], puts.Order());
        var stored = await web.Blobs.GetBlobContainerClient("recordings").GetBlobClient($"{caseId}/{sessionId}/long-visit.mp4").DownloadContentAsync();
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(stored.Value.Content.ToArray()));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('basictrust.upload.')).length"));
    }

    [Fact]
    public async Task ChosenRecording_PlaysFromTheDisk_AndAnHevcOneIsSaidToShowNoPicture()
    {
        var hevc = Path.Combine(web.Folder, "iphone.mp4");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2", "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
            "-c:v", "libx265", "-preset", "ultrafast", "-tag:v", "hvc1", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart", hevc);
        using (var api = web.Api(Person.TherapistA))
            (await api.PostAsync("cases", new StringContent("""{"caseId": "web-preview"}""", System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        await using var browser = await web.OpenAsync(Person.TherapistA, "en");
        var page = browser.Page;
        await browser.GoAsync("/cases/web-preview/sessions/s1");
        var recording = page.GetByLabel("Recording", new() { Exact = true });

        await recording.SetInputFilesAsync(web.Recording);
        await page.WaitForFunctionAsync("() => document.getElementById('preview')?.videoWidth > 0");
        await Assertions.Expect(page.Locator("#preview-note")).ToBeHiddenAsync();

        // Chromium plays HEVC's sound only: videoWidth stays 0 and no error is raised.
        await recording.SetInputFilesAsync(hevc);
        await Assertions.Expect(page.Locator("#preview-note")).ToBeVisibleAsync(new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#preview-note")).ToContainTextAsync("HEVC");

        // Uploaded, the pipeline makes a preview the browser plays, with a sentence while it does.
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.Locator("#upload-progress-text")).ToContainTextAsync("iphone.mp4 is uploaded", new() { Timeout = Patience });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Assertions.Expect(page.Locator("#served-preview")).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = Patience });
        await page.WaitForFunctionAsync("() => document.getElementById('server-preview')?.videoWidth > 0", null, new() { Timeout = Patience });
        output.WriteLine($"HEVC sample (2 s, 320x240): uploaded to a playable preview in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Empty(browser.Problems);
    }
}
