using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>
/// The terugkijkgesprek through the real API: the owner records it per clip of the ready reel with a practice point,
/// the case's reviewer reads it, nobody else does; every problem is named; the write is audited without its texts; it
/// stays with its moments when the reel is made again; and the next session reads last time's practice point.
/// </summary>
[Collection("pipeline")]
public class ConversationApiTests(PipelineFixture stack)
{
    const string Saw = "Dat hij naar mij keek toen ik het benoemde";
    const string Practice = "Benoemen wat hij voelt, ook als hij boos is";

    static string Route(string caseId, string sessionId = "s-1") => $"sessions/{caseId}/{sessionId}/conversation";

    static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task Owner_RecordsIt_ReviewerReadsIt_OthersDoNot_AndTheNextSessionReadsThePracticePoint()
    {
        var caseId = await stack.ReadySharedCaseAsync("conv", (2, 4, "benoemen"), (7, 9, "spiegelen"));
        using var therapist = stack.Api();
        using var reviewer = stack.Api(People.Reviewer);
        var clips = JsonNode.Parse(await therapist.GetStringAsync($"reels/{caseId}/s-1"))!["reel"]!["clips"]!.AsArray();
        var (first, second) = ((string)clips[0]!["clipId"]!, (string)clips[1]!["clipId"]!);

        var before = await ReadAsync(await therapist.GetAsync(Route(caseId)), HttpStatusCode.OK);
        Assert.Null(before["record"]);
        Assert.Equal((500, true, 0), ((int)before["maxLength"]!, (bool)before["mayRecord"]!, before["unplaced"]!.AsArray().Count));
        Assert.Null(before["previous"]);

        // An emptied text leaves its clip out; texts are trimmed.
        var saved = await ReadAsync(await therapist.PutAsJsonAsync(Route(caseId), new
        {
            clips = new[] { new { clipId = second, parentSaw = $"  {Saw}  " }, new { clipId = first, parentSaw = " " } },
            practicePoint = Practice,
        }), HttpStatusCode.OK);
        var record = saved["record"]!;
        var entry = Assert.Single(record["clips"]!.AsArray())!;
        Assert.Equal((second, Saw, "t2"), ((string)entry["clipId"]!, (string)entry["parentSaw"]!, (string)entry["tagIds"]![0]!));
        Assert.InRange((double)entry["recordingAt"]!, 7, 9);
        Assert.Equal((Practice, People.TherapistA.ObjectId), ((string)record["practicePoint"]!, (string)record["by"]!));
        Assert.True(await stack.Blobs.GetBlobContainerClient(SessionKey.Pipeline).GetBlobClient($"{caseId}/s-1/conversation.json").ExistsAsync());

        // The case's reviewer reads it, not who wrote it, and may not write it.
        var read = await ReadAsync(await reviewer.GetAsync(Route(caseId)), HttpStatusCode.OK);
        Assert.Equal((Saw, Practice, "colleague", false),
            ((string)read["record"]!["clips"]![0]!["parentSaw"]!, (string)read["record"]!["practicePoint"]!, (string)read["record"]!["by"]!, (bool)read["mayRecord"]!));
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PutAsJsonAsync(Route(caseId), new { practicePoint = "x" })).StatusCode);
        using (var other = stack.Api(People.TherapistB)) Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Route(caseId))).StatusCode);
        using (var officer = stack.Api(People.PrivacyOfficer)) Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(Route(caseId))).StatusCode);

        // The next session, before anything of it was sent, reads last time's practice point.
        var next = await ReadAsync(await therapist.GetAsync(Route(caseId, "s-2")), HttpStatusCode.OK);
        Assert.Equal(("s-1", Practice), ((string)next["previous"]!["sessionId"]!, (string)next["previous"]!["practicePoint"]!));

        // Audited as recorded, by whom and of which session; what was said stays out of the log.
        var log = await AuditTextAsync();
        Assert.Contains(log.Split('\n'), line => line.Contains("\"conversation-recorded\"", StringComparison.Ordinal)
            && line.Contains(People.TherapistA.ObjectId, StringComparison.Ordinal) && line.Contains($"pipeline/{caseId}/s-1/conversation.json", StringComparison.Ordinal));
        Assert.DoesNotContain(Saw, log);
        Assert.DoesNotContain(Practice, log);
        Assert.False(stack.Logged(line => line.Contains(Saw, StringComparison.Ordinal) || line.Contains(Practice, StringComparison.Ordinal)));

        // The tags sent again without the first moment: the text stays with its moment, whose tag is now t1 and its clip new.
        using (var sent = await therapist.PutAsync($"sessions/{caseId}/s-1/manifest",
            new StringContent(PipelineFixture.Manifest(caseId, "s-1", (7, 9, "spiegelen")), Encoding.UTF8, "application/json")))
        {
            var version = (string)(await ReadAsync(sent, HttpStatusCode.Accepted))["version"]!;
            await stack.WaitForAsync(caseId, "s-1", s => (string?)s["manifest"] == version && (string?)s["state"] == "ready");
        }
        var again = await ReadAsync(await therapist.GetAsync(Route(caseId)), HttpStatusCode.OK);
        var moved = Assert.Single(again["record"]!["clips"]!.AsArray())!;
        Assert.NotEqual(second, (string)moved["clipId"]!);
        Assert.Equal((Saw, "t1"), ((string)moved["parentSaw"]!, (string)moved["tagIds"]![0]!));
        Assert.Equal(Practice, (string?)again["record"]!["practicePoint"]);
    }

    [Fact]
    public async Task Record_NamesEveryProblem_ByFieldAndRule_InTheCallersLanguage_AndNeverFails()
    {
        var caseId = await stack.ReadySharedCaseAsync("conv-bad", (2, 4, "benoemen"), (7, 9, "spiegelen"));
        using var therapist = stack.Api();
        var clipId = (string)JsonNode.Parse(await therapist.GetStringAsync($"reels/{caseId}/s-1"))!["reel"]!["clips"]![0]!["clipId"]!;

        using var request = new HttpRequestMessage(HttpMethod.Put, Route(caseId))
        {
            Content = JsonContent.Create(new { clips = new[] { new { clipId = "nope-01", parentSaw = "x" }, new { clipId, parentSaw = new string('a', 501) } }, practicePoint = "bel\u0007" }),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", "nl");
        var problem = await ReadAsync(await therapist.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.Equal([("clips[0].clipId", "clip-of-reel"), ("clips[1].parentSaw", "length"), ("practicePoint", "characters")],
            problem["errors"]!.AsArray().Select(e => ((string)e!["path"]!, (string)e["rule"]!)));
        Assert.Equal("Hooguit 500 tekens; dit zijn er 501.", (string?)problem["errors"]![1]!["message"]);
        Assert.Equal("Het terugkijkgesprek is niet opgeslagen.", (string?)problem["detail"]);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await therapist.PutAsync(Route(caseId), new StringContent("{}", Encoding.UTF8, "text/plain"))).StatusCode);
        foreach (var body in new[] { """{"practicePoint":"a\ud800b"}""", "[]", "null", """{"clips":{"clipId":"x"}}""", """{"clips":[null]}""", """{"practicePoint":1}""", "{" })
            Assert.Equal(HttpStatusCode.BadRequest, (await therapist.PutAsync(Route(caseId), new StringContent(body, Encoding.UTF8, "application/json"))).StatusCode);
        // A session without a ready reel has no clips to record it on.
        Assert.Equal(HttpStatusCode.NotFound, (await therapist.PutAsJsonAsync(Route(caseId, "s-9"), new { practicePoint = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await therapist.GetAsync("sessions/Conv/s-1/conversation")).StatusCode);
        Assert.Null((await ReadAsync(await therapist.GetAsync(Route(caseId)), HttpStatusCode.OK))["record"]);
    }

    [Fact]
    public async Task Course_PutsTheSessionsInCourseOrder_CountsEachGoalsMoments_AndListsThePracticePoints()
    {
        var caseId = $"course-{Guid.NewGuid():N}"[..20];
        // Session 2 is sent before session 1 (tagged late): the course numbers decide the order.
        await stack.UploadAsync(caseId, "s-2", Manifest(caseId, "s-2", 2, [("g1", "Moeder benoemt de gevoelens van het kind"), ("g2", "Moeder volgt het kind")],
            (2, 4, "benoemen", "g1"), (6, 7.5, "spiegelen", "g2"), (10, 11.5, "benoemen", "g1")), stack.Recording);
        await stack.WaitForStateAsync(caseId, "s-2", "ready");
        await stack.UploadAsync(caseId, "s-1", Manifest(caseId, "s-1", 1, [("g1", "Moeder benoemt gevoelens")], (2, 4, "benoemen", "g1"), (7, 9, "signaal-gemist", "g1")),
            stack.Recording);
        await stack.WaitForStateAsync(caseId, "s-1", "ready");
        using var therapist = stack.Api();
        (await therapist.PutAsync($"cases/{caseId}/reviewers/{People.Reviewer.ObjectId}", null)).EnsureSuccessStatusCode();
        foreach (var (session, point) in new[] { ("s-1", "Benoemen"), ("s-2", "Ruimte laten") })
            await ReadAsync(await therapist.PutAsJsonAsync(Route(caseId, session), new { practicePoint = point }), HttpStatusCode.OK);

        using var reviewer = stack.Api(People.Reviewer);
        var course = await ReadAsync(await reviewer.GetAsync($"cases/{caseId}/course"), HttpStatusCode.OK);

        Assert.Equal([("g1", "Moeder benoemt de gevoelens van het kind"), ("g2", "Moeder volgt het kind")],
            course["goals"]!.AsArray().Select(g => ((string)g!["id"]!, (string)g["text"]!)));
        var sessions = course["sessions"]!.AsArray();
        Assert.Equal([("s-1", 1, 1, "Benoemen"), ("s-2", 2, 2, "Ruimte laten")],
            sessions.Select(s => ((string)s!["sessionId"]!, (int)s["number"]!, (int)s["course"]!["session"]!, (string)s["practicePoint"]!)));
        Assert.Equal([("g1", 1, 1), ("g2", 0, 0)], Moments(sessions[0]!));
        Assert.Equal([("g1", 2, 0), ("g2", 1, 0)], Moments(sessions[1]!));
        // Last time, for session 2, is session 1: by the course, though session 1 was received later.
        var previous = (await ReadAsync(await therapist.GetAsync(Route(caseId, "s-2")), HttpStatusCode.OK))["previous"]!;
        Assert.Equal(("s-1", 1, "Benoemen"), ((string)previous["sessionId"]!, (int)previous["courseSession"]!, (string)previous["practicePoint"]!));
        using var other = stack.Api(People.TherapistB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"cases/{caseId}/course")).StatusCode);
    }

    static IEnumerable<(string, int, int)> Moments(JsonNode session) =>
        session["goals"]!.AsArray().Select(g => ((string)g!["goalId"]!, (int)g["strengths"]!, (int)g["learning"]!));

    /// <summary>A manifest of session <paramref name="number"/> of 8 with these goals, its tags each showing one.</summary>
    static string Manifest(string caseId, string sessionId, int number, (string Id, string Text)[] goals, params (double Start, double End, string Label, string Goal)[] tags)
    {
        var manifest = JsonNode.Parse(PipelineFixture.Manifest(caseId, sessionId, [.. tags.Select(t => (t.Start, t.End, t.Label))]))!;
        manifest["course"] = new JsonObject { ["session"] = number, ["of"] = 8 };
        manifest["goals"] = new JsonArray([.. goals.Select(g => (JsonNode)new JsonObject { ["id"] = g.Id, ["text"] = g.Text })]);
        for (var i = 0; i < tags.Length; i++) manifest["tags"]![i]!["goal"] = tags[i].Goal;
        return manifest.ToJsonString();
    }

    async Task<string> AuditTextAsync()
    {
        var text = new StringBuilder();
        foreach (var blob in await stack.BlobsAsync(SessionKey.Audit, AuditLog.Prefix))
            text.Append((await stack.Blobs.GetBlobContainerClient(SessionKey.Audit).GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
        return text.ToString();
    }
}
