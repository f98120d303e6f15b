using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using BasicTrust.Functions.Pipeline;
using BasicTrust.Testing;
using Xunit.Abstractions;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>
/// Consent per person and purpose, through the DevHost and the real worker against Azurite: a manifest without
/// feedback consent for everyone on its recording is refused by name, a reviewer without supervision consent gets
/// 403, a withdrawal erases exactly the recordings it concerns (mid-cut too), and a closed case's media go after the
/// retention unless held.
/// </summary>
[Collection("pipeline")]
public class ConsentTests(PipelineFixture stack, ITestOutputHelper output)
{
    static object Person(string id, string role, string? ageBand = null, bool? authority = null) => new { id, role, ageBand, authority };

    static string NewCase(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    /// <summary>The fixture's family (moeder with authority, kind 2–3) and these others, as the case's people.</summary>
    async Task SetPeopleAsync(HttpClient api, string caseId, params object[] others) =>
        await PipelineFixture.SucceedsAsync(api.PutAsJsonAsync($"cases/{caseId}/people", new { people = new[] { Person("moeder", "moeder"), Person("kind", "kind", "2-3") }.Concat(others) }));

    static async Task<string> ConsentAsync(HttpClient api, string caseId, string person, params string[] scopes)
    {
        var privacy = await PipelineFixture.SucceedsAsync(api.PostAsJsonAsync($"cases/{caseId}/consents", new { person, scopes, means = "mondeling" }));
        return (string)privacy["consents"]!.AsArray().Last(c => (string)c!["person"]! == person)!["id"]!;
    }

    static string Manifest(string caseId, string sessionId, params string[] onRecording)
    {
        var manifest = JsonNode.Parse(PipelineFixture.Manifest(caseId, sessionId, (1, 4, "benoemen"), (6, 9, "spiegelen")))!;
        manifest["onRecording"] = new JsonArray([.. onRecording.Select(id => (JsonNode)id)]);
        return manifest.ToJsonString();
    }

    [Fact]
    public async Task Manifest_WithoutFeedbackConsentOfEveryoneOnIt_IsRefusedByName_AndGoesAheadOnceGiven()
    {
        var caseId = NewCase("consent");
        await stack.CreateCaseAsync(caseId);
        using var api = stack.Api();
        // Both parents hold authority, so the child of 2–3 needs the father's consent too.
        await SetPeopleAsync(api, caseId, Person("vader", "vader"));

        await stack.UploadAsync(caseId, "s-1", Manifest(caseId, "s-1", "moeder", "kind", "vader", "oma"), stack.Recording);
        var refused = await stack.WaitForStateAsync(caseId, "s-1", "failed");
        var errors = refused["errors"]!.AsArray().Select(e => ((string)e!["path"]!, (string)e["rule"]!, e["args"]?.ToJsonString() ?? "")).ToList();
        Assert.Contains(errors, e => e is ("onRecording[3]", "case-person", _));
        Assert.Contains(errors, e => e.Item1 == "onRecording[1]" && e.Item2 == "consent" && e.Item3.Contains("vader", StringComparison.Ordinal) && !e.Item3.Contains("moeder", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Item1 == "onRecording[2]" && e.Item2 == "consent");
        Assert.DoesNotContain(errors, e => e.Item1 == "onRecording[0]");
        Assert.Empty(await stack.BlobsAsync("clips", caseId + "/"));

        await ConsentAsync(api, caseId, "vader", "terugkijken");
        await stack.UploadAsync(caseId, "s-1", Manifest(caseId, "s-1", "moeder", "kind", "vader"));
        await stack.WaitForStateAsync(caseId, "s-1", "ready");
        var privacy = await PipelineFixture.SucceedsAsync(api.GetAsync($"cases/{caseId}/privacy"));
        var recording = privacy["recordings"]!.AsArray().Single()!;
        Assert.Empty(recording["missingFeedback"]!.AsArray());
        // The father did not consent to supervision, so neither he nor the child is covered for it.
        Assert.Equal(["kind", "vader"], recording["missingSupervision"]!.AsArray().Select(m => (string)m!["person"]!).Order());
    }

    [Fact]
    public async Task Reviewer_WithoutSupervisionConsentOfEveryoneOnTheReel_Gets403NamingWho_TheOwnerSeesIt()
    {
        var caseId = NewCase("supervise");
        await stack.CreateCaseAsync(caseId);
        using var api = stack.Api();
        await SetPeopleAsync(api, caseId, Person("vader", "vader", authority: false));
        await ConsentAsync(api, caseId, "vader", "terugkijken");
        await PipelineFixture.SucceedsAsync(api.PutAsync($"cases/{caseId}/reviewers/{People.Reviewer.ObjectId}", null));
        await stack.UploadAsync(caseId, "s-1", Manifest(caseId, "s-1", "moeder", "kind", "vader"), stack.Recording);
        await stack.WaitForStateAsync(caseId, "s-1", "ready");

        using var reviewer = stack.Api(People.Reviewer);
        using (var refused = await reviewer.GetAsync($"reels/{caseId}/s-1"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
            var named = Assert.Single(problem["errors"]!.AsArray());
            Assert.Equal(("onRecording[2]", "consent"), ((string)named!["path"]!, (string)named["rule"]!));
            Assert.Contains("vader", (string)named["message"]!, StringComparison.Ordinal);
        }
        using (var owner = await api.GetAsync($"reels/{caseId}/s-1")) Assert.Equal(HttpStatusCode.OK, owner.StatusCode);

        await ConsentAsync(api, caseId, "vader", "supervisie");
        using var allowed = await reviewer.GetAsync($"reels/{caseId}/s-1");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Withdrawal_MidCut_LeavesNothingOfThatRecording_WhileTheCasesOtherRecordingKeepsItsReel()
    {
        var caseId = NewCase("withdraw");
        await stack.CreateCaseAsync(caseId);
        using var api = stack.Api();
        // The father holds no authority here: the child's consent is the mother's, so his withdrawal concerns only his own recordings.
        await SetPeopleAsync(api, caseId, Person("vader", "vader", authority: false));
        var fathers = await ConsentAsync(api, caseId, "vader", "terugkijken", "supervisie");
        await stack.UploadAsync(caseId, "s-1", Manifest(caseId, "s-1", "moeder", "kind"), stack.Recording);
        var kept = await stack.WaitForStateAsync(caseId, "s-1", "ready");
        await stack.WaitForReviewRowAsync(caseId, "s-1", (string)kept["planId"]!);
        var keptBlobs = await MediaAsync(caseId, "s-1");

        await stack.UploadAsync(caseId, "s-2", Manifest(caseId, "s-2", "moeder", "kind", "vader"), stack.Recording);
        await stack.WaitForAsync(caseId, "s-2", s => (string?)s["state"] is "planned" or "cutting");
        var withdrawn = await PipelineFixture.SucceedsAsync(stack.Api(People.PrivacyOfficer).PostAsync($"cases/{caseId}/consents/{fathers}/withdraw", null));
        var erased = Assert.Single(withdrawn["erased"]!.AsArray())!;
        Assert.Equal("s-2", (string)erased["sessionId"]!);
        // Its recording at least was there to delete.
        Assert.True((int)erased["blobs"]! >= 1);
        output.WriteLine($"withdrawal mid-cut erased s-2: {erased.ToJsonString()}; s-1 kept {keptBlobs.Count} media blobs");

        // Work in flight finishes or is dropped; what it wrote after the erasure, the sweep removes.
        await stack.WaitUntilDrainedAsync("clip-jobs");
        await stack.WaitUntilDrainedAsync("reel-jobs");
        Assert.True(await stack.Host.FireTimerAsync("Sweep"));
        Assert.Empty(await MediaAsync(caseId, "s-2"));
        Assert.Equal("erased", (string?)(await stack.StatusAsync(caseId, "s-2"))!["state"]);
        Assert.Null(await stack.ReviewRowAsync(caseId, "s-2"));
        await foreach (var queue in new QueueServiceClient(stack.ConnectionString).GetQueuesAsync())
            Assert.DoesNotContain((await new QueueClient(stack.ConnectionString, queue.Name).PeekMessagesAsync(32)).Value,
                m => PipelineQueues.NamesCase(PipelineQueues.QueueText(m.MessageText), caseId, "s-2"));
        // The professional record stays: the manifest with its tags and notes.
        Assert.Single(await stack.BlobsAsync("recordings", $"{caseId}/s-2/"), b => b.Name.EndsWith("/session.json", StringComparison.Ordinal));

        Assert.Equal(keptBlobs.Count, (await MediaAsync(caseId, "s-1")).Count);
        using (var reel = await api.GetAsync($"reels/{caseId}/s-1")) Assert.Equal(HttpStatusCode.OK, reel.StatusCode);
        Assert.NotNull(await stack.ReviewRowAsync(caseId, "s-1"));
        using (var gone = await api.GetAsync($"reels/{caseId}/s-2")) Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var privacy = await PipelineFixture.SucceedsAsync(api.GetAsync($"cases/{caseId}/privacy"));
        Assert.Equal("withdrawn", (string?)privacy["recordings"]!.AsArray().Single(r => (string)r!["sessionId"]! == "s-2")!["erasedBecause"]);
    }

    [Fact]
    public async Task ClosedCase_MediaGoAfterTheRetention_AHeldOneIsKept_AndTheRecordStays()
    {
        var (closed, held) = (NewCase("closed"), NewCase("held"));
        foreach (var caseId in new[] { closed, held })
        {
            await stack.UploadAsync(caseId, "s-1", Manifest(caseId, "s-1", TestFamily.OnRecording), stack.Recording);
            await stack.WaitForStateAsync(caseId, "s-1", "ready");
        }
        using var api = stack.Api();
        using var officer = stack.Api(People.PrivacyOfficer);
        await PipelineFixture.SucceedsAsync(officer.PutAsJsonAsync($"cases/{held}/hold", new { reason = "Rechterlijk bevel" }));
        foreach (var caseId in new[] { closed, held })
        {
            var answer = await PipelineFixture.SucceedsAsync(api.PostAsync($"cases/{caseId}/close", null));
            Assert.Equal(0, (int)answer["retentionDays"]!);
            Assert.Equal(caseId == held, answer["deleteAt"] is null);
        }
        using (var upload = await api.PostAsJsonAsync($"sessions/{closed}/s-2/upload", new { fileName = "r.mp4", size = 10 }))
            Assert.Equal(HttpStatusCode.Conflict, upload.StatusCode);

        Assert.True(await stack.Host.FireTimerAsync("Sweep"));
        Assert.Empty(await MediaAsync(closed, "s-1"));
        Assert.Equal("erased", (string?)(await stack.StatusAsync(closed, "s-1"))!["state"]);
        Assert.NotEmpty(await stack.BlobsAsync("recordings", $"{closed}/s-1/session.json"));
        Assert.NotEmpty(await stack.BlobsAsync("pipeline", $"{closed}/s-1/status.json"));
        var heldMedia = await MediaAsync(held, "s-1");
        Assert.Contains(heldMedia, b => b.EndsWith(".mp4", StringComparison.Ordinal));
        output.WriteLine($"guidance ended: {closed} left {(await MediaAsync(closed, "s-1")).Count} media blobs; held {held} kept {heldMedia.Count}");

        var overview = await PipelineFixture.SucceedsAsync(officer.GetAsync("privacy/cases"));
        var rows = overview["cases"]!.AsArray();
        Assert.NotNull(rows.Single(c => (string)c!["caseId"]! == closed)!["mediaDeletedAt"]);
        Assert.Equal("Rechterlijk bevel", (string?)rows.Single(c => (string)c!["caseId"]! == held)!["hold"]!["reason"]);

        // Lifted, the hold no longer stops the deletion.
        await PipelineFixture.SucceedsAsync(officer.DeleteAsync($"cases/{held}/hold"));
        Assert.True(await stack.Host.FireTimerAsync("Sweep"));
        Assert.Empty(await MediaAsync(held, "s-1"));
    }

    /// <summary>Every media blob of the session in every container (its manifest is the record, not media).</summary>
    async Task<List<string>> MediaAsync(string caseId, string sessionId)
    {
        var names = new List<string>();
        foreach (var container in new[] { SessionKey.Recordings, SessionKey.Previews, SessionKey.Clips, SessionKey.Reels })
            names.AddRange((await stack.BlobsAsync(container, $"{caseId}/{sessionId}/")).Select(b => $"{container}/{b.Name}").Where(n => !n.EndsWith("/session.json", StringComparison.Ordinal)));
        return names;
    }
}
