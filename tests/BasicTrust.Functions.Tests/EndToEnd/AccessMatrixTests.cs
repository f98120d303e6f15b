using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using BasicTrust.DevHost.Http;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>
/// Who may do what, cell by cell, through the DevHost's built-in authentication and the real worker: every endpoint
/// against therapist A (the owner), therapist B, a reviewer the case is shared with, one it is not, a privacy
/// officer, and callers without a valid principal (none, expired, forged token, forged header).
/// </summary>
[Collection("pipeline")]
public class AccessMatrixTests(PipelineFixture stack)
{
    static readonly DevelopmentUser[] Callers = [People.TherapistA, People.TherapistB, People.Reviewer, People.OtherReviewer, People.PrivacyOfficer];
    const string Outsider = "f0000000-0000-4000-8000-00000000000f";

    /// <summary>A request and the status each of <see cref="Callers"/> must get, in that order; run top to bottom.</summary>
    sealed record Cell(string Name, Func<string, string, HttpRequestMessage> Request, params int[] Expected);

    static HttpRequestMessage Send(HttpMethod method, string path, HttpContent? content = null) => new(method, path) { Content = content };

    static readonly Cell[] Matrix =
    [
        new("get case", (c, _) => Send(HttpMethod.Get, $"cases/{c}"), 200, 404, 200, 404, 403),
        new("session status", (c, _) => Send(HttpMethod.Get, $"sessions/{c}/s-1"), 200, 404, 200, 404, 403),
        new("sessions of a case", (c, _) => Send(HttpMethod.Get, $"cases/{c}/sessions"), 200, 404, 200, 404, 403),
        new("reel and its links", (c, _) => Send(HttpMethod.Get, $"reels/{c}/s-1"), 200, 404, 200, 404, 403),
        new("review queue", (_, _) => Send(HttpMethod.Get, "reviews"), 200, 200, 200, 200, 200),
        new("my cases", (_, _) => Send(HttpMethod.Get, "cases"), 200, 200, 200, 200, 200),
        new("upload link", (c, _) => Send(HttpMethod.Post, $"sessions/{c}/s-2/upload", JsonContent.Create(new { fileName = "r.mp4", size = 10 })), 200, 404, 403, 404, 403),
        new("manifest (not valid: access comes first)", (c, _) => Send(HttpMethod.Put, $"sessions/{c}/s-2/manifest", new StringContent("{}", Encoding.UTF8, "application/json")), 400, 404, 403, 404, 403),
        new("share", (c, _) => Send(HttpMethod.Put, $"cases/{c}/reviewers/{Outsider}"), 200, 404, 403, 404, 403),
        new("unshare", (c, _) => Send(HttpMethod.Delete, $"cases/{c}/reviewers/{Outsider}"), 200, 404, 403, 404, 403),
        new("create a case", (_, fresh) => Send(HttpMethod.Post, "cases", JsonContent.Create(new { caseId = fresh })), 201, 201, 403, 403, 403),
        new("read the audit log", (_, _) => Send(HttpMethod.Get, $"audit/{DateTime.UtcNow:yyyy-MM-dd}"), 403, 403, 403, 403, 200),
        new("uploaded blocks", (c, _) => Send(HttpMethod.Get, $"sessions/{c}/s-2/upload?fileName=r.mp4"), 200, 404, 403, 404, 403),
        new("plan dry run", (c, _) => Send(HttpMethod.Post, $"sessions/{c}/s-2/plan?duration=12", new StringContent("{}", Encoding.UTF8, "application/json")), 200, 404, 403, 404, 403),
        new("a method's vocabulary", (_, _) => Send(HttpMethod.Get, "methods/basic-trust?match=benomen"), 200, 200, 200, 200, 200),
        new("the manifest as sent", (c, _) => Send(HttpMethod.Get, $"sessions/{c}/s-1/manifest"), 200, 404, 403, 404, 403),
        new("the recording as stored", (c, _) => Send(HttpMethod.Get, $"sessions/{c}/s-1/recording"), 200, 404, 403, 404, 403),
        new("export tags (not valid: access comes first)", (c, _) => Send(HttpMethod.Post, $"sessions/{c}/s-2/export/csv", new StringContent("{}", Encoding.UTF8, "application/json")), 400, 404, 403, 404, 403),
        new("import tags", (_, _) => Send(HttpMethod.Post, "import/csv", new StringContent("start,end,label\n1,2,benoemen\n")), 200, 200, 403, 403, 403),
        new("comment (on no clip: access comes first)", (c, _) => Send(HttpMethod.Post, $"reels/{c}/s-1/comments", JsonContent.Create(new { clipId = "x", text = "t" })), 400, 404, 400, 404, 403),
        new("mark a comment addressed (none such: access comes first)", (c, _) => Send(HttpMethod.Post, $"reels/{c}/s-1/comments/c99/addressed"), 404, 404, 403, 404, 403),
        new("resolve a comment (none such: access comes first)", (c, _) => Send(HttpMethod.Post, $"reels/{c}/s-1/comments/c99/resolved"), 404, 404, 404, 404, 403),
        // The case has a reviewer, so the verdict (and "reviewed") is theirs, not the owner's (AccessRules.MayGiveVerdict).
        new("decision", (c, _) => Send(HttpMethod.Post, $"reels/{c}/s-1/decision", JsonContent.Create(new { decision = "approve" })), 403, 404, 200, 404, 403),
        new("mark reviewed", (c, _) => Send(HttpMethod.Post, $"reels/{c}/s-1/reviewed"), 403, 404, 200, 404, 403),
        new("the terugkijkgesprek", (c, _) => Send(HttpMethod.Get, $"sessions/{c}/s-1/conversation"), 200, 404, 200, 404, 403),
        new("record the terugkijkgesprek (on no clip: access comes first)", (c, _) => Send(HttpMethod.Put, $"sessions/{c}/s-1/conversation",
            JsonContent.Create(new { clips = new[] { new { clipId = "x", parentSaw = "t" } } })), 400, 404, 403, 404, 403),
        new("the course across sessions", (c, _) => Send(HttpMethod.Get, $"cases/{c}/course"), 200, 404, 200, 404, 403),
        new("privacy and consent", (c, _) => Send(HttpMethod.Get, $"cases/{c}/privacy"), 200, 404, 403, 404, 200),
        new("the case's people (not valid: access comes first)", (c, _) => Send(HttpMethod.Put, $"cases/{c}/people", JsonContent.Create(new { people = 1 })), 400, 404, 403, 404, 400),
        new("record a consent (not valid: access comes first)", (c, _) => Send(HttpMethod.Post, $"cases/{c}/consents", JsonContent.Create(new { person = "nobody" })), 400, 404, 403, 404, 400),
        new("withdraw a consent (none such: access comes first)", (c, _) => Send(HttpMethod.Post, $"cases/{c}/consents/c-none/withdraw"), 404, 404, 403, 404, 404),
        new("legal hold (not valid: access comes first)", (c, _) => Send(HttpMethod.Put, $"cases/{c}/hold", JsonContent.Create(new { reason = "" })), 403, 404, 403, 404, 400),
        new("lift a legal hold", (c, _) => Send(HttpMethod.Delete, $"cases/{c}/hold"), 403, 404, 403, 404, 200),
        new("privacy overview", (_, _) => Send(HttpMethod.Get, "privacy/cases"), 403, 403, 403, 403, 200),
        new("end the guidance", (c, _) => Send(HttpMethod.Post, $"cases/{c}/close"), 200, 404, 403, 404, 403),
        new("purge", (c, _) => Send(HttpMethod.Delete, $"cases/{c}"), 403, 404, 403, 404, 200),
    ];

    [Fact]
    public async Task EveryEndpoint_AnswersEachCallerAsTheMatrixSays()
    {
        var caseId = await stack.ReadySharedCaseAsync("acl", (2, 4, "benoemen"));

        var clients = Callers.Select(p => stack.Api(p)).ToList();
        var unauthenticated = Unauthenticated().ToList();
        var mismatches = new List<string>();
        foreach (var cell in Matrix)
        {
            foreach (var (caller, client, expected) in Callers.Zip(clients, cell.Expected).Select(t => (t.First, t.Second, t.Third)))
            {
                using var response = await client.SendAsync(cell.Request(caseId, $"acl-{Guid.NewGuid():N}"[..20]));
                if ((int)response.StatusCode != expected)
                    mismatches.Add($"{cell.Name} as {Name(caller)}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            foreach (var (name, client) in unauthenticated)
            {
                using var response = await client.SendAsync(cell.Request(caseId, "acl-never"));
                if ((int)response.StatusCode != 401) mismatches.Add($"{cell.Name} {name}: expected 401, got {(int)response.StatusCode}");
            }
        }
        foreach (var client in clients.Concat(unauthenticated.Select(u => u.Client))) client.Dispose();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));

        // Refusals are audited: who (object id), what and which case; a 404 and a 403 alike.
        var refusals = (await AuditEntriesAsync()).Where(e => (string?)e["action"] == "refused" && (string?)e["target"] == caseId).ToList();
        Assert.Contains(refusals, e => (string?)e["who"] == People.TherapistB.ObjectId && (int?)e["details"]?["status"] == 404);
        Assert.Contains(refusals, e => (string?)e["who"] == People.Reviewer.ObjectId && (string?)e["details"]?["action"] == "purge" && (int?)e["details"]?["status"] == 403);
    }

    [Fact]
    public async Task ReviewQueueAndCaseList_ShowOnlyTheCallersCases()
    {
        var caseId = await stack.ReadySharedCaseAsync("acl", (2, 4, "benoemen"));

        foreach (var (person, sees) in new[] { (People.TherapistA, true), (People.Reviewer, true), (People.TherapistB, false), (People.OtherReviewer, false), (People.PrivacyOfficer, false) })
        {
            using var api = stack.Api(person);
            var reviews = JsonNode.Parse(await api.GetStringAsync("reviews"))!.AsArray().Select(r => (string)r!["caseId"]!);
            var cases = JsonNode.Parse(await api.GetStringAsync("cases"))!.AsArray().Select(r => (string)r!["caseId"]!);
            Assert.True(sees == reviews.Contains(caseId), $"{Name(person)} in the review queue");
            Assert.True(sees == cases.Contains(caseId), $"{Name(person)} in the case list");
        }
    }

    [Fact]
    public async Task HiddenCase_AnswersExactlyAsAMissingOne()
    {
        var caseId = $"acl-{Guid.NewGuid():N}"[..20];
        await stack.CreateCaseAsync(caseId);
        using var other = stack.Api(People.TherapistB);
        var hidden = JsonNode.Parse(await (await other.GetAsync($"cases/{caseId}")).Content.ReadAsStringAsync())!;
        var missing = JsonNode.Parse(await (await other.GetAsync("cases/acl-nothing-here")).Content.ReadAsStringAsync())!;
        Assert.Equal(((string?)missing["title"], ((string?)missing["detail"])?.Replace("acl-nothing-here", caseId, StringComparison.Ordinal)),
            ((string?)hidden["title"], (string?)hidden["detail"]));
    }

    [Fact]
    public async Task StaticWebAppsPrincipal_WithTheRolesOfItsRoleMapping_ActsAsThatPerson()
    {
        var caseId = $"acl-{Guid.NewGuid():N}"[..20];
        await stack.CreateCaseAsync(caseId);
        var roles = BasicTrust.Functions.AssignRoles.RoleMapping.RolesFor(new("aad", "swa-user-1", "a@example.org",
            [new("http://schemas.microsoft.com/identity/claims/objectidentifier", People.TherapistA.ObjectId), new("roles", "therapist")]));
        var principal = Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["identityProvider"] = "aad", ["userId"] = "swa-user-1", ["userDetails"] = "a@example.org",
            ["userRoles"] = new JsonArray([.. new[] { "anonymous", "authenticated" }.Concat(roles).Select(r => (JsonNode)r)]),
        }.ToJsonString()));

        // As the Static Web Apps CLI forwards it: the principal header and the same value as a bearer token.
        using var swa = stack.Anonymous();
        swa.DefaultRequestHeaders.Add("x-ms-client-principal", principal);
        swa.DefaultRequestHeaders.Authorization = new("Bearer", principal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await swa.GetAsync($"cases/{caseId}")).StatusCode);
    }

    [Fact]
    public async Task Unshare_EndsTheReviewersAccess()
    {
        var caseId = $"acl-{Guid.NewGuid():N}"[..20];
        await stack.CreateCaseAsync(caseId);
        using var owner = stack.Api();
        using var reviewer = stack.Api(People.OtherReviewer);
        (await owner.PutAsync($"cases/{caseId}/reviewers/{People.OtherReviewer.ObjectId}", null)).EnsureSuccessStatusCode();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await reviewer.GetAsync($"cases/{caseId}")).StatusCode);
        (await owner.DeleteAsync($"cases/{caseId}/reviewers/{People.OtherReviewer.ObjectId}")).EnsureSuccessStatusCode();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await reviewer.GetAsync($"cases/{caseId}")).StatusCode);
    }

    [Fact]
    public async Task CreatingATakenCaseId_Is409_AndAudited()
    {
        var caseId = $"acl-{Guid.NewGuid():N}"[..20];
        await stack.CreateCaseAsync(caseId);
        using var other = stack.Api(People.TherapistB);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await other.PostAsJsonAsync("cases", new { caseId })).StatusCode);
        Assert.Contains(await AuditEntriesAsync(), e => (string?)e["who"] == People.TherapistB.ObjectId && (string?)e["target"] == caseId && (int?)e["details"]?["status"] == 409);
    }

    [Fact]
    public async Task ACaseStoredBeforeAccessRecords_CanStillBePurgedByAPrivacyOfficer()
    {
        var caseId = $"acl-{Guid.NewGuid():N}"[..20];
        await stack.Blobs.GetBlobContainerClient("recordings").GetBlobClient($"{caseId}/s-1/recording.mp4").UploadAsync(BinaryData.FromString("x"));
        using var therapist = stack.Api();
        using var officer = stack.Api(People.PrivacyOfficer);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await therapist.DeleteAsync($"cases/{caseId}")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await officer.DeleteAsync($"cases/{caseId}")).StatusCode);
        Assert.Empty(await stack.BlobsAsync("recordings", caseId + "/"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await officer.DeleteAsync("cases/acl-never-stored")).StatusCode);
    }

    [Fact]
    public async Task APrincipalFromAnotherProvider_IsRefusedByTheApp()
    {
        // The host admits the Static Web Apps CLI's shape; the app takes object ids only from an Entra ID sign-in.
        var principal = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $$"""{"identityProvider":"github","userId":"1","userDetails":"x","userRoles":["authenticated","privacy-officer","oid-{{People.PrivacyOfficer.ObjectId}}"]}"""));
        using var swa = stack.Anonymous();
        swa.DefaultRequestHeaders.Add("x-ms-client-principal", principal);
        swa.DefaultRequestHeaders.Authorization = new("Bearer", principal);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await swa.GetAsync("cases")).StatusCode);
    }

    /// <summary>Callers without a principal the host accepts.</summary>
    IEnumerable<(string Name, HttpClient Client)> Unauthenticated()
    {
        yield return ("without sign-in", stack.Anonymous());
        var expired = stack.Anonymous();
        expired.DefaultRequestHeaders.Authorization = new("Bearer", stack.Host.DevelopmentToken(People.TherapistA, TimeSpan.FromSeconds(-1)));
        yield return ("with an expired token", expired);
        // A's signature on a payload that makes A a privacy officer.
        var (real, wanted) = (stack.Host.DevelopmentToken(People.TherapistA).Split('.'), stack.Host.DevelopmentToken(People.TherapistA with { Roles = ["privacy-officer"] }).Split('.'));
        var forged = stack.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", $"{wanted[0]}.{wanted[1]}.{real[2]}");
        yield return ("with a forged token", forged);
        // The principal App Service would forward, sent by the client itself.
        var header = stack.Anonymous();
        header.DefaultRequestHeaders.Add("x-ms-client-principal", Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $$"""{"auth_typ":"aad","claims":[{"typ":"oid","val":"{{People.TherapistA.ObjectId}}"},{"typ":"roles","val":"therapist"}]}""")));
        yield return ("with a forged principal header", header);
    }

    static string Name(DevelopmentUser person) =>
        person == People.TherapistA ? "therapist A" : person == People.TherapistB ? "therapist B" : person == People.Reviewer ? "the shared reviewer"
        : person == People.OtherReviewer ? "another reviewer" : "a privacy officer";

    async Task<List<JsonNode>> AuditEntriesAsync()
    {
        var entries = new List<JsonNode>();
        foreach (var blob in await stack.BlobsAsync(SessionKey.Audit, AuditLog.Prefix))
        {
            var text = (await stack.Blobs.GetBlobContainerClient(SessionKey.Audit).GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
            entries.AddRange(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!));
        }
        return entries;
    }
}
