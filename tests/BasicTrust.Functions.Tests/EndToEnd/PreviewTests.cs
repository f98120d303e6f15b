using System.Diagnostics;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using BasicTrust.Media.Probing;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>After an upload the pipeline checks whether browsers can play the recording, and makes a preview only when not (HEVC: when a page asks).</summary>
[Collection("pipeline")]
public class PreviewTests(PipelineFixture stack)
{
    [Fact]
    public async Task HevcRecording_IsOfferedAsItIs_GetsAnH264PreviewWhenAsked_AnH264OneNone()
    {
        var (hevcCase, h264Case) = ($"pv-{Guid.NewGuid():N}"[..20], $"pv-{Guid.NewGuid():N}"[..20]);
        var hevc = Path.Combine(stack.Folder, $"{hevcCase}.mov");
        await Ffmpeg.RecordingAsync(hevc, seconds: 3, hevc: true);
        await UploadRecordingAsync(hevcCase, hevc, "IMG_0042.mov");
        await UploadRecordingAsync(h264Case, stack.Recording, "recording.mp4");

        using var api = stack.Api();
        // HEVC plays in some browsers: it is offered as it is, with its type for the page to ask its browser about.
        var offered = await stack.WaitForPreviewAsync(hevcCase, "offered");
        Assert.Equal("video/mp4; codecs=\"hvc1.1.6.L120.B0,mp4a.40.2\"", (string?)offered["type"]);
        Assert.Contains($"/recordings/{hevcCase}/s-1/IMG_0042.mov", (string)offered["link"]!);
        Assert.Empty(await stack.BlobsAsync("previews", hevcCase + "/"));
        // A page whose browser cannot play it asks for a preview, once; asking again changes nothing.
        using (var asked = await api.PostAsync($"sessions/{hevcCase}/s-1/preview", null))
            Assert.Equal("making", (string?)JsonNode.Parse(await asked.Content.ReadAsStringAsync())!["state"]);
        using (var again = await api.PostAsync($"sessions/{hevcCase}/s-1/preview", null))
            Assert.Equal(System.Net.HttpStatusCode.OK, again.StatusCode);
        var ready = await stack.WaitForPreviewAsync(hevcCase, "ready");
        Assert.Equal("transcode", (string?)ready["need"]);
        // Made in segments of a second (the tests' setting), each starting at a keyframe, listed with their windows.
        var segments = ready["segments"]!.AsArray();
        Assert.Equal([0.0, 1.0, 2.0], segments.Select(s => (double)s!["start"]!));
        Assert.All(segments, s => Assert.True((bool)s!["ready"]!));
        Assert.Equal("video/mp4; codecs=\"avc1.640028,mp4a.40.2\"", (string?)ready["type"]);
        Assert.Equal(3, (await stack.BlobsAsync("previews", hevcCase + "/")).Count);
        using (var bad = await api.GetAsync($"sessions/{hevcCase}/s-1/preview?from=-1"))
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("from", (string?)JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["errors"]![0]!["path"]);
        }
        Assert.Equal("Browsers cannot play its video (hevc).", (string?)ready["reason"]);
        // The reason in the reader's language, as the editor asks for it.
        using (var dutch = new HttpRequestMessage(HttpMethod.Get, $"sessions/{hevcCase}/s-1/preview") { Headers = { { "Accept-Language", "nl" } } })
        using (var answer = await api.SendAsync(dutch))
            Assert.Equal("De browser kan het beeld niet afspelen (hevc).", (string?)JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["reason"]);
        // Appended one after the other, as the editor's player does, they are the whole recording in H.264.
        var preview = await MediaProbe.ProbeAsync(await stack.DownloadPreviewAsync(hevcCase));
        Assert.Equal("h264", preview.Video.Codec);
        Assert.InRange(preview.Duration.TotalSeconds, 2.9, 3.1);

        // An H.264 recording plays as it is: the editor gets a read link to the recording itself.
        var notNeeded = await stack.WaitForPreviewAsync(h264Case, "not-needed");
        Assert.Contains($"/recordings/{h264Case}/s-1/recording.mp4", (string)notNeeded["link"]!);
        Assert.Empty(await stack.BlobsAsync("previews", h264Case + "/"));
        // Once retention deleted the recording, nothing of it is handed out.
        await stack.Blobs.GetBlobContainerClient("recordings").GetBlobClient($"{h264Case}/s-1/recording.mp4").DeleteAsync();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await api.GetAsync($"sessions/{h264Case}/s-1/preview")).StatusCode);
        // The recording is the owner's to watch: a reviewer it is shared with watches reels.
        (await api.PutAsync($"cases/{hevcCase}/reviewers/{People.Reviewer.ObjectId}", null)).EnsureSuccessStatusCode();
        using var reviewer = stack.Api(People.Reviewer);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await reviewer.GetAsync($"sessions/{hevcCase}/s-1/preview")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await reviewer.PostAsync($"sessions/{hevcCase}/s-1/preview", null)).StatusCode);
        using var other = stack.Api(People.TherapistB);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await other.GetAsync($"sessions/{hevcCase}/s-1/preview")).StatusCode);

        // The preview is the family's as much as the recording: a purge removes it.
        using var officer = stack.Api(People.PrivacyOfficer);
        (await officer.DeleteAsync($"cases/{hevcCase}")).EnsureSuccessStatusCode();
        Assert.Empty(await stack.BlobsAsync("previews", hevcCase + "/"));
        Assert.Empty(await stack.BlobsAsync("pipeline", hevcCase + "/"));
    }

    [Fact]
    public async Task PurgeWhileThePreviewIsMadeInParallel_LeavesNothingInPreviews()
    {
        var caseId = $"pv-{Guid.NewGuid():N}"[..20];
        var hevc = Path.Combine(stack.Folder, $"{caseId}.mov");
        await Ffmpeg.RecordingAsync(hevc, seconds: 12, hevc: true);
        await UploadRecordingAsync(caseId, hevc, "IMG_0043.mov");
        await stack.WaitForPreviewAsync(caseId, "offered");
        using var api = stack.Api();
        (await api.PostAsync($"sessions/{caseId}/s-1/preview", null)).EnsureSuccessStatusCode();

        // Some segments made, others still queued or being made: the page could play the first ones already.
        var making = await stack.WaitForPreviewAsync(caseId, p => (string?)p["state"] == "making" && p["segments"]?.AsArray().Any(s => (bool)s!["ready"]!) == true, "making, a segment made");
        Assert.Equal(12, making["segments"]!.AsArray().Count);
        Assert.NotEmpty(await stack.BlobsAsync("previews", caseId + "/"));
        using var officer = stack.Api(People.PrivacyOfficer);
        (await officer.DeleteAsync($"cases/{caseId}")).EnsureSuccessStatusCode();

        // The jobs left see the purge and make nothing; what one wrote just after it, the sweep removes.
        await stack.WaitUntilDrainedAsync("preview-segments");
        Assert.True(await stack.Host.FireTimerAsync("Sweep"));
        Assert.Empty(await stack.BlobsAsync("previews", caseId + "/"));
        Assert.Empty(await stack.BlobsAsync("pipeline", caseId + "/"));
    }

    async Task UploadRecordingAsync(string caseId, string file, string name)
    {
        await stack.CreateCaseAsync(caseId);
        await using var stream = File.OpenRead(file);
        await stack.Blobs.GetBlobContainerClient("recordings").GetBlobClient($"{caseId}/s-1/{name}").UploadAsync(stream);
    }
}
