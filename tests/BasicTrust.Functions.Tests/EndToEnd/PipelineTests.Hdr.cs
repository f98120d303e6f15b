using Azure.Storage.Blobs;
using BasicTrust.Media.Ffmpeg;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>An iPhone's HDR recording through the real worker: its reel, clip, still and preview are BT.709 SDR, and the documents say so.</summary>
public partial class PipelineTests
{
    [Fact]
    public async Task HdrRecording_GivesSdrReelClipsStillAndPreview_AndTheDocumentsSayWhy()
    {
        var caseId = NewCase();
        var hlg = Path.Combine(stack.Folder, $"{caseId}-hlg.mp4");
        await Ffmpeg.RecordingAsync(hlg, seconds: 4, hlg: true);
        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (1, 2.5, "benoemen")), hlg);

        var (plan, reel) = await ReadyPlanAsync(caseId);

        const string Why = "re-encode: the source is HDR (HLG), converted to SDR";
        Assert.Equal(("hlg", 10), ((string?)plan["media"]!["video"]!["hdr"]!["transfer"], (int)plan["media"]!["video"]!["hdr"]!["bitDepth"]!));
        Assert.Equal((Why, "hlg"), ((string?)plan["cutReason"], (string?)reel["hdr"]!["transfer"]));
        var clip = reel["clips"]![0]!;
        Assert.Equal(("re-encode", Why, 0, 0), ((string?)clip["cut"], (string?)clip["cutReason"], (int)clip["timing"]!["inOffsetFrames"]!, (int)clip["timing"]!["outOffsetFrames"]!));
        await AssertBt709Async("reels", (string)reel["reel"]!);
        await AssertBt709Async("clips", (string)clip["video"]!);

        // HEVC is offered as it is (Main 10); a page whose browser cannot play it asks for the preview, which is SDR.
        Assert.Equal("video/mp4; codecs=\"hvc1.2.4.L120.B0,mp4a.40.2\"", (string?)(await stack.WaitForPreviewAsync(caseId, "offered"))["type"]);
        using (var api = stack.Api()) (await api.PostAsync($"sessions/{caseId}/s-1/preview", null)).EnsureSuccessStatusCode();
        var preview = await stack.WaitForPreviewAsync(caseId, "ready");
        Assert.Equal("transcode", (string?)preview["need"]);
        await AssertBt709Async(await stack.DownloadPreviewAsync(caseId));
    }

    /// <summary>A stored video (<c>container/blob</c> as the documents name it) or a local file: H.264, 8-bit, tagged BT.709 throughout.</summary>
    async Task AssertBt709Async(string container, string stored)
    {
        var file = Path.Combine(stack.Folder, $"{Guid.NewGuid():N}.mp4");
        await stack.Blobs.GetBlobContainerClient(container).GetBlobClient(stored[(container.Length + 1)..]).DownloadToAsync(file);
        await AssertBt709Async(file);
    }

    static async Task AssertBt709Async(string file)
    {
        var video = (await Ffprobe.AnalyseAsync(file, "")).PrimaryVideoStream!;
        Assert.Equal(("h264", "yuv420p", "bt709", "bt709", "bt709"), (video.CodecName, video.PixelFormat, video.ColorPrimaries, video.ColorTransfer, video.ColorSpace));
    }
}
