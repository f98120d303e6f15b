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
        Assert.DoesNotContain(JsonNode.Parse(await reviewer.GetStringAsync("reviews"))!.AsArray(), r => (string)r!["caseId"]! == caseId);

        // The case's sessions say so, for the owner and the reviewer alike.
        foreach (var api in new[] { therapist, reviewer })
        {
            var session = Assert.Single(JsonNode.Parse(await api.GetStringAsync($"cases/{caseId}/sessions"))!.AsArray())!;
            Assert.Equal(("s-1", "ready", "send-back", 1), ((string)session["sessionId"]!, (string)session["state"]!, (string)session["decision"]!, (int)session["comments"]!));
        }

        using var other = stack.Api(People.TherapistB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"reels/{caseId}/s-1/comments", new { clipId, text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsJsonAsync($"reels/{caseId}/s-1/decision", new { decision = "maybe" })).StatusCode);
    }
}
