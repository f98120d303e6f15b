using System.Text;
using System.Text.Json.Nodes;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>The methods' own words end to end: notes never reach a file the parent sees, concerns are never cut.</summary>
public partial class PipelineTests
{
    const string Note = "Kijkt weg bij het huilen";

    static string CourseManifest(string caseId)
    {
        static JsonObject Tag(string id, double start, double end, string label, string? caption = null, Action<JsonObject>? more = null)
        {
            var tag = new JsonObject { ["id"] = id, ["start"] = start, ["end"] = end, ["label"] = label, ["note"] = $"{Note} ({id})" };
            if (caption is not null) tag["caption"] = caption;
            more?.Invoke(tag);
            return tag;
        }
        return new JsonObject
        {
            ["schema"] = "basictrust.session/v1", ["caseId"] = caseId, ["sessionId"] = "s-1", ["method"] = "basic-trust",
            ["recording"] = "recording.mp4", ["nextSessionAt"] = "2026-12-01T10:00:00+01:00", ["onRecording"] = new JsonArray("moeder", "kind"),
            ["course"] = new JsonObject { ["session"] = 3, ["of"] = 8 },
            ["goals"] = new JsonArray(new JsonObject { ["id"] = "g1", ["text"] = "Moeder benoemt wat Sam voelt" }),
            ["tags"] = new JsonArray(
                Tag("t1", 1, 3, "benoemen", "Jij bent boos, hè?", t => t["goal"] = "g1"),
                Tag("t2", 1.5, 2.5, "kind-signaal"),
                Tag("t3", 5, 6.5, "storend-gedrag", more: t => t["goal"] = "g1"),
                Tag("t4", 9, 10, "spiegelen", "Niet getoond", t => t["select"] = false),
                Tag("t5", 7.5, 8, "kind-signaal", more: t => t["concern"] = true),
                Tag("t6", 10.5, 11.5, "benoemen", "Goed zo")),
            ["reel"] = new JsonObject { ["preRoll"] = 0.5, ["postRoll"] = 0.5, ["resolution"] = "480p" },
        }.ToJsonString();
    }

    [Fact]
    public async Task Notes_NeverReachAnyVideoStillOrCaptionFile_AndLearningMomentsAreNamedNeutrally()
    {
        var caseId = NewCase();
        await stack.UploadAsync(caseId, "s-1", CourseManifest(caseId), stack.Recording);
        var status = await stack.WaitForStateAsync(caseId, "s-1", "ready");
        Assert.Equal(3, (int)status["clipsTotal"]!);

        var forbidden = new[] { Note, "Storend gedrag", "Intrusive behaviour" }
            .SelectMany(text => new[] { Encoding.UTF8.GetBytes(text), Encoding.Unicode.GetBytes(text), Encoding.BigEndianUnicode.GetBytes(text) }).ToList();
        var files = (await stack.BlobsAsync("clips", $"{caseId}/")).Select(b => ("clips", b.Name))
            .Concat((await stack.BlobsAsync("reels", $"{caseId}/")).Select(b => ("reels", b.Name)))
            .Where(f => !f.Name.EndsWith(".json", StringComparison.Ordinal)).ToList();
        Assert.Equal(3 * 3 + 2, files.Count); // clip.mp4, still.jpg and still.small.jpg per clip; reel.mp4 + reel.vtt
        foreach (var (container, name) in files)
        {
            var bytes = (await stack.Blobs.GetBlobContainerClient(container).GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray();
            foreach (var text in forbidden)
                Assert.True(bytes.AsSpan().IndexOf(text) < 0, $"{container}/{name} holds a note or a clinical label.");
        }

        var reel = await ReelJsonAsync(caseId, (string)status["planId"]!);
        Assert.Equal(["Benoemen · Signaal van het kind", "Om samen naar te kijken", "Benoemen"], reel["chapters"]!.AsArray().Select(c => (string)c!["title"]!));
        // The clinical label and the note stay in the JSON for professionals.
        Assert.Contains(reel["clips"]!.AsArray().SelectMany(c => c!["tags"]!.AsArray()), t => (string)t!["label"]! == "storend-gedrag" && ((string)t["note"]!).StartsWith(Note, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CourseGoalsSelectAndConcern_RoundTripThroughPlanAndReelJson_AndTheConcernIsAuditedNeverCut()
    {
        var caseId = NewCase();
        await stack.UploadAsync(caseId, "s-1", CourseManifest(caseId), stack.Recording);
        var status = await stack.WaitForStateAsync(caseId, "s-1", "ready");
        var planId = (string)status["planId"]!;

        var concern = Assert.Single(status["concerns"]!.AsArray())!;
        Assert.Equal(("t5", 7.5, 8.0), ((string)concern["tagId"]!, (double)concern["start"]!, (double)concern["end"]!));

        var plan = JsonNode.Parse((await stack.Blobs.GetBlobContainerClient("pipeline").GetBlobClient($"{caseId}/s-1/{planId}/plan.json").DownloadContentAsync()).Value.Content.ToString())!;
        Assert.Equal((3, 8), ((int)plan["course"]!["session"]!, (int)plan["course"]!["of"]!));
        Assert.Equal("g1", (string)plan["goals"]![0]!["id"]!);
        Assert.Equal("t4", (string)plan["considered"]![0]!["id"]!);
        Assert.Equal("t5", (string)plan["concerns"]![0]!["id"]!);

        var reel = await ReelJsonAsync(caseId, planId);
        Assert.Equal("sessie 3 van 8", (string)reel["course"]!["label"]!);
        Assert.Equal(2, reel["goals"]![0]!["clipIds"]!.AsArray().Count);
        Assert.Equal("t4", (string)reel["considered"]![0]!["id"]!);
        Assert.Equal("t5", (string)reel["concerns"]![0]!["tagId"]!);
        Assert.Null(reel["concerns"]![0]!["note"]);
        var shownTags = reel["clips"]!.AsArray().SelectMany(c => c!["tags"]!.AsArray()).Select(t => (string)t!["id"]!).ToList();
        Assert.DoesNotContain("t4", shownTags);
        Assert.DoesNotContain("t5", shownTags);
        Assert.All(reel["clips"]!.AsArray(), c => Assert.False((double)c!["timing"]!["actualIn"]! < 8 && 7.5 < (double)c["timing"]!["actualOut"]!));

        using var api = stack.Api();
        // The review queue reads the index, which carries the course label (IndexReadyReel consumes reels-ready).
        await stack.WaitForReviewRowAsync(caseId, "s-1", planId);
        var reviews = JsonNode.Parse(await api.GetStringAsync("reviews"))!.AsArray();
        Assert.Equal("sessie 3 van 8", (string)reviews.Single(r => (string)r!["caseId"]! == caseId)!["course"]!);

        var audit = new List<JsonNode>();
        foreach (var blob in await stack.BlobsAsync(SessionKey.Audit, AuditLog.Prefix))
        {
            var text = (await stack.Blobs.GetBlobContainerClient(SessionKey.Audit).GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
            audit.AddRange(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).Where(e => ((string)e["target"]!).StartsWith(caseId, StringComparison.Ordinal)));
            Assert.DoesNotContain(Note, text);
        }
        var entry = Assert.Single(audit, e => (string)e["action"]! == "safety-concern");
        Assert.Equal(("pipeline", $"{caseId}/s-1/tags/t5"), ((string)entry["who"]!, (string)entry["target"]!));
    }

    async Task<JsonNode> ReelJsonAsync(string caseId, string planId) =>
        JsonNode.Parse((await stack.Blobs.GetBlobContainerClient("reels").GetBlobClient($"{caseId}/s-1/{planId}/reel.json").DownloadContentAsync()).Value.Content.ToString())!;
}
