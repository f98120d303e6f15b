using Azure.Storage.Blobs.Models;

namespace BasicTrust.Web.Tests;

/// <summary>The recording in the editor: played from the disk, as it is where the browser can, or as a preview made in segments.</summary>
public sealed partial class UploadTests
{
    [Fact]
    public async Task ChosenRecording_PlaysFromTheDisk_AndAnHevcOneIsSaidToShowNoPicture()
    {
        var hevc = Path.Combine(web.Folder, "iphone.mp4");
        await Ffmpeg.RecordingAsync(hevc, seconds: 2, hevc: true);
        await web.CreateCaseAsync("web-preview");

        await using var browser = await web.OpenAsync(Person.TherapistA, "en");
        var page = browser.Page;
        await browser.GoAsync("/cases/web-preview/sessions/s1");
        var recording = page.GetByLabel("Recording", new() { Exact = true });

        await recording.SetInputFilesAsync(web.Recording);
        await page.WaitForFunctionAsync("() => document.getElementById('editor-video')?.videoWidth > 0");
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
        // The editor now plays the preview (its segments appended, Media Source Extensions): the tags are still in the recording's time.
        await page.WaitForFunctionAsync("() => document.getElementById('editor-video').videoWidth > 0", null, new() { Timeout = Patience });
        output.WriteLine($"HEVC sample (2 s, 320x240): uploaded to a playable preview in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task OfferedRecording_ThisBrowserPlays_IsPlayedAsItIs_AndNoPreviewIsAskedFor()
    {
        var hevc = Path.Combine(web.Folder, "offered.mp4");
        await Ffmpeg.RecordingAsync(hevc, seconds: 2, hevc: true);
        await web.CreateCaseAsync("web-offered");

        await using var browser = await web.OpenAsync(Person.TherapistA, "en");
        var page = browser.Page;
        // Chromium here decodes H.264, not HEVC: the answer names an H.264 type, so this browser says it plays it.
        var asked = 0;
        await page.RouteAsync("**/api/sessions/web-offered/s1/preview", async route =>
        {
            if (route.Request.Method == "POST") { asked++; await route.ContinueAsync(); return; }
            var answer = await route.FetchAsync();
            var body = System.Text.Json.Nodes.JsonNode.Parse(await answer.TextAsync())!;
            if ((string?)body["state"] == "offered") body["type"] = "video/mp4; codecs=\"avc1.42E01E,mp4a.40.2\"";
            await route.FulfillAsync(new() { Response = answer, Body = body.ToJsonString() });
        });
        await browser.GoAsync("/cases/web-offered/sessions/s1");
        await page.GetByLabel("Recording", new() { Exact = true }).SetInputFilesAsync(hevc);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Assertions.Expect(page.Locator("#served-preview")).ToHaveAttributeAsync("data-state", "offered", new() { Timeout = Patience });
        // Reloaded (the file chosen from the disk is gone), the editor plays the recording itself from storage.
        await browser.GoAsync("/cases/web-offered/sessions/s1");
        await Assertions.Expect(page.Locator("#served-preview")).ToHaveAttributeAsync("data-state", "offered", new() { Timeout = Patience });
        await page.WaitForFunctionAsync("() => document.getElementById('editor-video').src.includes('/recordings/web-offered/s1/offered.mp4')", null, new() { Timeout = Patience });
        Assert.Equal(0, asked);
        Assert.Empty(await web.Blobs.GetBlobContainerClient("previews").GetBlobsAsync(new GetBlobsOptions { Prefix = "web-offered/" }).ToListAsync());
    }

    [Fact]
    public async Task PreviewInSegments_PlaysItsFirstSegment_WhileTheOthersAreStillBeingMade()
    {
        var hevc = Path.Combine(web.Folder, "early.mp4");
        await Ffmpeg.RecordingAsync(hevc, seconds: 4, hevc: true);
        await web.CreateCaseAsync("web-early");

        await using var browser = await web.OpenAsync(Person.TherapistA, "en");
        var page = browser.Page;
        // Until released, the answers say only the first segment is made (the others are held back from the page).
        var released = false;
        await page.RouteAsync(new System.Text.RegularExpressions.Regex("/api/sessions/web-early/s1/preview"), async route =>
        {
            if (route.Request.Method != "GET" || released) { await route.ContinueAsync(); return; }
            var answer = await route.FetchAsync();
            var body = System.Text.Json.Nodes.JsonNode.Parse(await answer.TextAsync())!;
            if (body["segments"] is System.Text.Json.Nodes.JsonArray segments)
            {
                body["state"] = "making";
                foreach (var later in segments.Skip(1)) { later!["ready"] = false; later.AsObject().Remove("link"); }
            }
            await route.FulfillAsync(new() { Response = answer, Body = body.ToJsonString() });
        });
        await browser.GoAsync("/cases/web-early/sessions/s1");
        await page.GetByLabel("Recording", new() { Exact = true }).SetInputFilesAsync(hevc);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        // The first second plays, on the whole recording's timeline, and the page says how far.
        await page.WaitForFunctionAsync("""
            () => { const v = document.getElementById('editor-video');
                    return v.videoWidth > 0 && v.buffered.length === 1 && Math.abs(v.duration - 4) < 0.1 && v.buffered.end(0) < 1.5; }
            """, null, new() { Timeout = Patience });
        await Assertions.Expect(page.Locator("#served-preview")).ToHaveAttributeAsync("data-state", "making");
        await Assertions.Expect(page.Locator("#served-preview")).ToContainTextAsync("up to 0:01.00");
        await page.EvaluateAsync("() => { const v = document.getElementById('editor-video'); v.currentTime = 0.5; }");
        await page.WaitForFunctionAsync("() => document.getElementById('editor-video').readyState >= 2");

        // The rest appended as it comes: the whole recording plays, joined without a gap.
        released = true;
        await Assertions.Expect(page.Locator("#served-preview")).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = Patience });
        await page.WaitForFunctionAsync("() => { const v = document.getElementById('editor-video'); return v.buffered.length === 1 && v.buffered.end(0) > 3.9; }",
            null, new() { Timeout = Patience });
        Assert.Empty(browser.Problems);
    }
}
