using Azure.Storage.Blobs.Specialized;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>The pipeline end to end: Azurite, real FFmpeg and the real worker driven by the DevHost over gRPC.</summary>
[Collection("pipeline")]
public partial class PipelineTests(PipelineFixture stack)
{
    static readonly (double, double, string)[] ThreeTags = [(1, 3, "benoemen"), (5, 7, "spiegelen"), (9, 10.5, "verwarringscheppend-gedrag")];

    [Fact]
    public async Task ThreeTags_GiveThreeClipsStillsAndAReelWithChaptersCaptionsAndOneReadyMessage()
    {
        var caseId = NewCase();
        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", ThreeTags), stack.Recording);

        var status = await stack.WaitForStateAsync(caseId, "s-1", "ready");
        var planId = (string)status["planId"]!;
        Assert.Equal((3, 3), ((int)status["clipsDone"]!, (int)status["clipsTotal"]!));

        var clips = (await stack.BlobsAsync("clips", $"{caseId}/s-1/{planId}/")).Select(b => b.Name).ToList();
        Assert.Equal(12, clips.Count);
        Assert.Equal(3, clips.Count(n => n.EndsWith(".small.jpg", StringComparison.Ordinal)));
        Assert.Equal(6, clips.Count(n => n.EndsWith(".jpg", StringComparison.Ordinal)));
        var reel = JsonNode.Parse((await stack.Blobs.GetBlobContainerClient("reels").GetBlobClient($"{caseId}/s-1/{planId}/reel.json").DownloadContentAsync()).Value.Content.ToString())!;
        Assert.Equal(3, reel["chapters"]!.AsArray().Count);
        foreach (var clip in reel["clips"]!.AsArray())
            Assert.Equal((0, 0), ((int)clip!["timing"]!["inOffsetFrames"]!, (int)clip["timing"]!["outOffsetFrames"]!));

        var reelFile = Path.Combine(stack.Folder, $"{caseId}.mp4");
        await using (var file = File.Create(reelFile))
            await stack.Blobs.GetBlobContainerClient("reels").GetBlobClient($"{caseId}/s-1/{planId}/reel.mp4").DownloadToAsync(file);
        var probe = await Probe(reelFile);
        Assert.Equal(3, probe.Split("[CHAPTER]").Length - 1);
        Assert.Contains("codec_name=mov_text", probe);
        var vtt = (await stack.Blobs.GetBlobContainerClient("reels").GetBlobClient($"{caseId}/s-1/{planId}/reel.vtt").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("Moment 1 &amp; &lt;meer&gt;", vtt);

        // reels-ready feeds the review index.
        var row = await stack.WaitForReviewRowAsync(caseId, "s-1", planId);
        Assert.Equal((3, DateTimeOffset.Parse("2026-12-01T10:00:00+01:00"), false), (row.Clips, row.NextSessionAt!.Value, row.Reviewed));
    }

    [Fact]
    public async Task SameManifestTwice_CutsOnceAndAnnouncesOnce()
    {
        var caseId = NewCase();
        var manifest = PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen"));
        await stack.UploadAsync(caseId, "s-1", manifest, stack.Recording);
        var first = await stack.WaitForStateAsync(caseId, "s-1", "ready");
        var row = await stack.WaitForReviewRowAsync(caseId, "s-1", (string)first["planId"]!);
        var clipsBefore = await stack.BlobsAsync("clips", $"{caseId}/");

        await stack.UploadAsync(caseId, "s-1", manifest);
        // Its event ran: the status answers the new version of the manifest.
        var version = (await stack.Blobs.GetBlobContainerClient("recordings").GetBlobClient($"{caseId}/s-1/session.json").GetPropertiesAsync()).Value.ETag.ToString();
        var after = await stack.WaitForAsync(caseId, "s-1", s => (string?)s["manifest"] == version);

        var clipsAfter = await stack.BlobsAsync("clips", $"{caseId}/");
        Assert.Equal(clipsBefore.Select(b => (b.Name, b.Properties.ETag)), clipsAfter.Select(b => (b.Name, b.Properties.ETag)));
        // Only which manifest version it answers (and when that was noted) changed: same plan, same state, no new work.
        Assert.Equal(WithoutVersion(first), WithoutVersion(after));
        Assert.Equal(row.ETag, (await stack.ReviewRowAsync(caseId, "s-1"))!.ETag);
    }

    [Fact]
    public async Task EditedManifest_GetsANewPlanThatSupersedesTheOld()
    {
        var caseId = NewCase();
        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen")), stack.Recording);
        var old = (string)(await stack.WaitForStateAsync(caseId, "s-1", "ready"))["planId"]!;

        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen"), (6, 8, "spiegelen")));
        var edited = await stack.WaitForAsync(caseId, "s-1", s => (string?)s["state"] == "ready" && (string?)s["planId"] != old);
        var planId = (string)edited["planId"]!;
        Assert.Equal(2, (int)edited["clipsTotal"]!);

        Assert.True(await stack.Host.FireTimerAsync("Sweep"));
        Assert.Empty(await stack.BlobsAsync("clips", $"{caseId}/s-1/{old}/"));
        Assert.Empty(await stack.BlobsAsync("reels", $"{caseId}/s-1/{old}/"));
        Assert.Equal(8, (await stack.BlobsAsync("clips", $"{caseId}/s-1/{planId}/")).Count);
        await stack.WaitForReviewRowAsync(caseId, "s-1", planId); // the newer plan replaced the older one's row
    }

    [Fact]
    public async Task InvalidManifest_FailsNamingEachFieldAndCutsNothing()
    {
        var caseId = NewCase();
        var manifest = PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoeme"), (8, 6, "spiegelen"));
        await stack.UploadAsync(caseId, "s-1", manifest, stack.Recording);

        var status = await stack.WaitForStateAsync(caseId, "s-1", "failed");
        var paths = status["errors"]!.AsArray().Select(e => (string)e!["path"]!).ToList();
        Assert.Contains("tags[0].label", paths);
        Assert.Contains(paths, p => p.StartsWith("tags[1]", StringComparison.Ordinal));
        Assert.Contains("benoemen", status["errors"]!.ToJsonString()); // did-you-mean
        Assert.Empty(await stack.BlobsAsync("clips", $"{caseId}/"));
    }

    [Fact]
    public async Task MissingRecording_FailsWithTheReason()
    {
        var caseId = NewCase();
        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen")));

        var error = Assert.Single((await stack.WaitForStateAsync(caseId, "s-1", "failed"))["errors"]!.AsArray())!;
        Assert.Equal(("recording", "uploaded"), ((string)error["path"]!, (string)error["rule"]!));
    }

    [Fact]
    public async Task CorruptRecording_FailsWithThePlainReason()
    {
        var caseId = NewCase();
        var corrupt = Path.Combine(stack.Folder, $"{caseId}.mp4");
        await File.WriteAllTextAsync(corrupt, "#EXTM3U\n#EXTINF:2.0,\nhttp://example.com/x.ts\n");
        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen")), corrupt);

        var error = Assert.Single((await stack.WaitForStateAsync(caseId, "s-1", "failed"))["errors"]!.AsArray())!;
        Assert.Equal("readable-video", (string)error["rule"]!);
        Assert.Contains("playlist", (string)error["message"]!);
        Assert.DoesNotContain("sig=", (await stack.StatusAsync(caseId, "s-1"))!.ToJsonString());
    }

    [Fact]
    public async Task TagRunningPastTheEnd_IsCutShortWithAWarning_AndItsStillIsTheLastFrame()
    {
        var caseId = NewCase();
        // The recording lasts 12 s: the tag and its key moment (15 s, the middle) lie past the end.
        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (10, 20, "benoemen")), stack.Recording);

        var status = await stack.WaitForStateAsync(caseId, "s-1", "ready");
        var warning = Assert.Single(status["warnings"]!.AsArray())!;
        Assert.Equal(("tags[0].end", "within-recording"), ((string)warning["path"]!, (string)warning["rule"]!));
        Assert.Single(await stack.BlobsAsync("clips", $"{caseId}/s-1/{(string)status["planId"]!}/"), b => b.Name.EndsWith(".small.jpg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClipThatKeepsFailing_EndsOnThePoisonQueueAndMarkFailedFailsThePlanWithTheReason()
    {
        var caseId = NewCase();
        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen")), stack.Recording);
        var status = await stack.WaitForStateAsync(caseId, "s-1", "ready");
        var planId = (string)status["planId"]!;
        // As if the plan were still cutting its clip when the recording was replaced (same bytes, a new ETag):
        // every attempt now fails.
        status["state"] = "cutting";
        await stack.Blobs.GetBlobContainerClient("pipeline").GetBlobClient($"{caseId}/s-1/status.json").UploadAsync(BinaryData.FromString(status.ToJsonString()), overwrite: true);
        await stack.Blobs.GetBlobContainerClient("pipeline").GetBlobClient($"{caseId}/s-1/{planId}/done/{planId}-01").DeleteAsync();
        // The planned recording is sealed with a lease; only someone holding the account's key can break it.
        var recording = stack.Blobs.GetBlobContainerClient("recordings").GetBlobClient($"{caseId}/s-1/recording.mp4");
        await recording.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        await recording.UploadAsync(BinaryData.FromBytes(await File.ReadAllBytesAsync(stack.Recording)), overwrite: true);

        await stack.SendAsync("clip-jobs", $$"""{"caseId":"{{caseId}}","sessionId":"s-1","planId":"{{planId}}","clipId":"{{planId}}-01"}""");

        var error = Assert.Single((await stack.WaitForStateAsync(caseId, "s-1", "failed"))["errors"]!.AsArray())!;
        Assert.Equal(($"clips.{planId}-01", "cut"), ((string)error["path"]!, (string)error["rule"]!));
        Assert.Contains("replaced", (string)error["message"]!);
        Assert.DoesNotContain("sig=", error.ToJsonString());
    }

    [Fact]
    public async Task LostManifestEvent_IsDeadLettered_AndTheSweepPlansTheSessionAnyway()
    {
        var caseId = $"{PipelineFixture.LostPrefix}{Guid.NewGuid():N}"[..20];
        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen")), stack.Recording);
        await WaitForDeadLetterAsync(caseId);
        Assert.Null(await stack.StatusAsync(caseId, "s-1")); // nothing planned it

        // The sweep plans a manifest once it is older than StuckAfter (1 s here) with no status answering it.
        var planned = await stack.SweepUntilAsync(() => stack.StatusAsync(caseId, "s-1"));

        Assert.NotNull(planned);
        await stack.WaitForStateAsync(caseId, "s-1", "ready");
        Assert.True(stack.Logged(l => l.Contains("its manifest's blob event never arrived; planned by the sweep", StringComparison.Ordinal)));
    }

    async Task WaitForDeadLetterAsync(string caseId)
    {
        for (var i = 0; i < 100; i++)
        {
            var letters = (await stack.Blobs.GetBlobContainerClient("eventgrid-deadletter").ExistsAsync()).Value ? await stack.BlobsAsync("eventgrid-deadletter", "") : [];
            foreach (var letter in letters)
            {
                var text = (await stack.Blobs.GetBlobContainerClient("eventgrid-deadletter").GetBlobClient(letter.Name).DownloadContentAsync()).Value.Content.ToString();
                if (text.Contains($"/blobs/{caseId}/s-1/session.json", StringComparison.Ordinal)) return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The lost event was not dead-lettered.\n{stack.LogTail}");
    }

    [Fact]
    public async Task StuckSession_IsRepairedBySweep()
    {
        var caseId = NewCase();
        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen")), stack.Recording);
        var status = await stack.WaitForStateAsync(caseId, "s-1", "ready");
        var planId = (string)status["planId"]!;
        // As if the reel job was lost: clips done, no reel, status left at "cutting" minutes ago.
        var reels = stack.Blobs.GetBlobContainerClient("reels");
        foreach (var name in new[] { "reel.json", "reel.mp4", "reel.vtt" })
            await reels.GetBlobClient($"{caseId}/s-1/{planId}/{name}").DeleteAsync();
        status["state"] = "cutting";
        status["updatedAt"] = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O");
        await stack.Blobs.GetBlobContainerClient("pipeline").GetBlobClient($"{caseId}/s-1/status.json").UploadAsync(BinaryData.FromString(status.ToJsonString()), overwrite: true);

        Assert.True(await stack.Host.FireTimerAsync("Sweep"));

        await stack.WaitForStateAsync(caseId, "s-1", "ready");
        Assert.True((await reels.GetBlobClient($"{caseId}/s-1/{planId}/reel.json").ExistsAsync()).Value);
    }

    static Task<string> Probe(string path) => Task.Run(() =>
    {
        var start = new System.Diagnostics.ProcessStartInfo("ffprobe", ["-v", "error", "-show_chapters", "-show_entries", "stream=codec_name", "-of", "default=nw=0", path]) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        return process.StandardOutput.ReadToEnd();
    });

    static string WithoutVersion(JsonNode status)
    {
        var copy = status.DeepClone().AsObject();
        copy.Remove("manifest");
        copy.Remove("updatedAt");
        return copy.ToJsonString();
    }

    static string NewCase() => $"case-{Guid.NewGuid():N}"[..20];
}
