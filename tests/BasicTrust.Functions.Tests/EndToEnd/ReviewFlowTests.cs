using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>A supervisor reviews a reel shared with them: comments per clip, then sends it back; the therapist reads both, and the case's sessions say so.</summary>
[Collection("pipeline")]
public class ReviewFlowTests(PipelineFixture stack)
{
    [Fact]
    public async Task Reviewer_CommentsAndSendsBack_TheTherapistSeesIt_AndTheReelLeavesTheQueue()
    {
        var caseId = await stack.ReadySharedCaseAsync("rev", (2, 4, "benoemen"), (7, 9, "spiegelen"));
        using var therapist = stack.Api();
        using var reviewer = stack.Api(People.Reviewer);
        var clipId = (string)JsonNode.Parse(await reviewer.GetStringAsync($"reels/{caseId}/s-1"))!["reel"]!["clips"]![0]!["clipId"]!;

        using (var comment = await reviewer.PostAsJsonAsync($"reels/{caseId}/s-1/comments", new { clipId, text = "Mooi benoemd; kijk samen naar de pauze." }))
        {
            Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
            // The answer names people as GET does for the caller: a reviewer never reads anyone's object id.
            Assert.Equal("you", (string?)JsonNode.Parse(await comment.Content.ReadAsStringAsync())!["comments"]![0]!["by"]);
        }
        using (var bad = await reviewer.PostAsJsonAsync($"reels/{caseId}/s-1/comments", new { clipId = "nope", text = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var paths = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["errors"]!.AsArray().Select(e => (string)e!["path"]!);
            Assert.Equal(["clipId", "text"], paths);
        }
        using (var decision = await reviewer.PostAsJsonAsync($"reels/{caseId}/s-1/decision", new { decision = "send-back" }))
            Assert.Equal(HttpStatusCode.OK, decision.StatusCode);

        var review = JsonNode.Parse(await therapist.GetStringAsync($"reels/{caseId}/s-1"))!["review"]!;
        Assert.Equal(("send-back", People.Reviewer.ObjectId), ((string)review["decision"]!, (string)review["decidedBy"]!));
        var seen = review["comments"]![0]!;
        Assert.Equal((clipId, "Mooi benoemd; kijk samen naar de pauze.", People.Reviewer.ObjectId), ((string)seen["clipId"]!, (string)seen["text"]!, (string)seen["by"]!));
        // Sent back, it waits for the therapist: the queue still lists it, marked so.
        var queued = Assert.Single(JsonNode.Parse(await reviewer.GetStringAsync("reviews"))!.AsArray(), r => (string)r!["caseId"]! == caseId)!;
        Assert.Equal((true, 1), ((bool)queued["sentBack"]!, (int)queued["round"]!));

        // The case's sessions say so, for the owner and the reviewer alike.
        foreach (var api in new[] { therapist, reviewer })
        {
            var session = Assert.Single(JsonNode.Parse(await api.GetStringAsync($"cases/{caseId}/sessions"))!.AsArray())!;
            Assert.Equal(("s-1", "ready", "send-back", 1), ((string)session["sessionId"]!, (string)session["state"]!, (string)session["decision"]!, (int)session["comments"]!));
            Assert.Equal(DateTimeOffset.Parse("2026-12-01T10:00:00+01:00"), (DateTimeOffset)session["nextSessionAt"]!);
        }

        using var other = stack.Api(People.TherapistB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"reels/{caseId}/s-1/comments", new { clipId, text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsJsonAsync($"reels/{caseId}/s-1/decision", new { decision = "maybe" })).StatusCode);
    }

    [Fact]
    public async Task SendBackAndResend_OpensRound2_WhichKeepsRound1_AndTheStatusAnswersTheNewManifest()
    {
        var caseId = await stack.ReadySharedCaseAsync("round", (2, 4, "benoemen"), (7, 9, "spiegelen"));
        using var therapist = stack.Api();
        using var reviewer = stack.Api(People.Reviewer);
        var reel = JsonNode.Parse(await reviewer.GetStringAsync($"reels/{caseId}/s-1"))!;
        var clip = reel["reel"]!["clips"]![1]!;
        var requestedIn = (double)clip["timing"]!["requestedIn"]!;

        // A comment pinned 1.5 s into the second clip holds the recording time; one past the clip's end is refused.
        using (var pinned = await reviewer.PostAsJsonAsync($"reels/{caseId}/s-1/comments", new { clipId = (string)clip["clipId"]!, text = "Hier: de blik.", offset = 1.5 }))
        {
            Assert.Equal(HttpStatusCode.Created, pinned.StatusCode);
            var comment = JsonNode.Parse(await pinned.Content.ReadAsStringAsync())!["comments"]![0]!;
            Assert.Equal(("c1", 1.5), ((string)comment["id"]!, (double)comment["offset"]!));
            Assert.Equal(requestedIn + 1.5, (double)comment["recordingAt"]!, 3);
        }
        using (var outside = await reviewer.PostAsJsonAsync($"reels/{caseId}/s-1/comments", new { clipId = (string)clip["clipId"]!, text = "x", offset = 999 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
            Assert.Equal("within-clip", (string?)JsonNode.Parse(await outside.Content.ReadAsStringAsync())!["errors"]![0]!["rule"]);
        }
        using (var reply = await therapist.PostAsJsonAsync($"reels/{caseId}/s-1/comments", new { replyTo = "c1", text = "Goed gezien." }))
            Assert.Equal("c1", (string?)JsonNode.Parse(await reply.Content.ReadAsStringAsync())!["comments"]![1]!["replyTo"]);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"reels/{caseId}/s-1/decision", new { decision = "send-back" })).StatusCode);

        // The therapist marks it addressed (a reviewer may not), and sends the tags again, changed.
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync($"reels/{caseId}/s-1/comments/c1/addressed", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await therapist.PostAsync($"reels/{caseId}/s-1/comments/c99/addressed", null)).StatusCode);
        using (var addressed = await therapist.PostAsync($"reels/{caseId}/s-1/comments/c1/addressed", null))
            Assert.NotNull(JsonNode.Parse(await addressed.Content.ReadAsStringAsync())!["comments"]![0]!["addressedAt"]);
        using var sent = await therapist.PutAsync($"sessions/{caseId}/s-1/manifest",
            new StringContent(PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen"), (6.5, 9, "spiegelen")), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var version = (string)JsonNode.Parse(await sent.Content.ReadAsStringAsync())!["version"]!;
        var ready = await stack.WaitForAsync(caseId, "s-1", s => (string?)s["manifest"] == version && (string?)s["state"] == "ready");
        Assert.NotEqual((string)reel["reel"]!["planId"]!, (string)ready["planId"]!);
        await stack.WaitForReviewRowAsync(caseId, "s-1", (string)ready["planId"]!);

        // Round 2: marked on the queue, with round 1's comments, verdict and marks on the reel.
        var queued = Assert.Single(JsonNode.Parse(await reviewer.GetStringAsync("reviews"))!.AsArray(), r => (string)r!["caseId"]! == caseId)!;
        Assert.Equal((false, 2), ((bool)queued["sentBack"]!, (int)queued["round"]!));
        var second = JsonNode.Parse(await reviewer.GetStringAsync($"reels/{caseId}/s-1"))!;
        Assert.Equal((2, 0, false), ((int)second["review"]!["number"]!, second["review"]!["comments"]!.AsArray().Count, (bool)second["newerInProgress"]!));
        var first = Assert.Single(second["earlier"]!.AsArray())!;
        Assert.Equal((1, "send-back", "colleague"), ((int)first["number"]!, (string)first["decision"]!, (string)first["comments"]![1]!["by"]!));
        Assert.NotNull(first["comments"]![0]!["addressedAt"]);

        // Resolving works on any round; approving round 2 leaves round 1 as it was.
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"reels/{caseId}/s-1/comments/c1/resolved", null)).StatusCode);
        using (var approved = await reviewer.PostAsJsonAsync($"reels/{caseId}/s-1/decision", new { decision = "approve" }))
            Assert.Equal(2, (int?)JsonNode.Parse(await approved.Content.ReadAsStringAsync())!["number"]);
        var after = JsonNode.Parse(await therapist.GetStringAsync($"reels/{caseId}/s-1"))!;
        Assert.Equal(("approve", "send-back"), ((string)after["review"]!["decision"]!, (string)after["earlier"]![0]!["decision"]!));
        Assert.Equal(People.Reviewer.ObjectId, (string?)after["earlier"]![0]!["comments"]![0]!["resolvedBy"]);
        Assert.DoesNotContain(JsonNode.Parse(await reviewer.GetStringAsync("reviews"))!.AsArray(), r => (string)r!["caseId"]! == caseId);
    }

    [Fact]
    public async Task Verdict_IsTheReviewersOnceTheCaseHasOne_SpelledExactly_AndNobodyIsTheNilGuid()
    {
        var caseId = $"verdict-{Guid.NewGuid():N}"[..20];
        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen")), stack.Recording);
        await stack.WaitForStateAsync(caseId, "s-1", "ready");
        using var therapist = stack.Api();
        using var reviewer = stack.Api(People.Reviewer);

        // Shared with nobody (the nil GUID names no one), the therapist working alone approves their own reel.
        using (var nobody = await therapist.PutAsync($"cases/{caseId}/reviewers/{Guid.Empty}", null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
            Assert.Equal("objectId", (string?)JsonNode.Parse(await nobody.Content.ReadAsStringAsync())!["errors"]![0]!["path"]);
        }
        Assert.Equal(HttpStatusCode.OK, (await therapist.PostAsJsonAsync($"reels/{caseId}/s-1/decision", new { decision = "approve" })).StatusCode);

        // Once a reviewer is on the case the verdict is theirs.
        (await therapist.PutAsync($"cases/{caseId}/reviewers/{People.Reviewer.ObjectId}", null)).EnsureSuccessStatusCode();
        using (var own = await therapist.PostAsJsonAsync($"reels/{caseId}/s-1/decision", new { decision = "send-back" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
            Assert.Equal("reviewer-decides", (string?)JsonNode.Parse(await own.Content.ReadAsStringAsync())!["errors"]![0]!["rule"]);
        }
        foreach (var spelling in new object[] { "APPROVE", "SendBack", 0, "approve ", "Approve" })
            using (var odd = await reviewer.PostAsJsonAsync($"reels/{caseId}/s-1/decision", new { decision = spelling }))
                Assert.True(odd.StatusCode == HttpStatusCode.BadRequest, $"{spelling}: {(int)odd.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"reels/{caseId}/s-1/decision", new { decision = "send-back" })).StatusCode);
    }
}
