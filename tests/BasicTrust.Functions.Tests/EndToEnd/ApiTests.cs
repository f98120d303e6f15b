using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using BasicTrust.Storage;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>The HTTP API through the DevHost (sign-in, forwarding) to the real worker, against Azurite.</summary>
[Collection("pipeline")]
public class ApiTests(PipelineFixture stack)
{
    [Fact]
    public async Task WithoutSignIn_Is401()
    {
        using var api = stack.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("reviews")).StatusCode);
    }

    [Theory]
    [InlineData("sessions/..%2F..%2Fetc/s-1")]
    [InlineData("sessions/fam-1%2Fx/s-1")]
    [InlineData("sessions/FAM-1/s-1")]
    [InlineData("sessions/caf%C3%A9/s-1")]
    [InlineData("sessions/fam-1/s-1234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("reels/-fam/s-1")]
    public async Task BadIds_Are400ProblemDetailsNamingTheId(string path)
    {
        using var api = stack.Api();
        using var response = await api.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)problem["status"]!);
        Assert.Contains((string)problem["errors"]![0]!["path"]!, new[] { "caseId", "sessionId" });
    }

    [Fact]
    public async Task UnknownSession_Is404()
    {
        using var api = stack.Api();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("sessions/nobody-here/s-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("reels/nobody-here/s-1")).StatusCode);
        using var officer = stack.Api(People.PrivacyOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.DeleteAsync("cases/nobody-here")).StatusCode);
    }

    [Fact]
    public async Task TherapistAndReviewer_FromUploadLinkToReviewedReel()
    {
        using var api = stack.Api();
        var caseId = $"api-{Guid.NewGuid():N}"[..20];
        await stack.CreateCaseAsync(caseId);

        // Upload through a create/write-only link.
        var upload = await Json(await api.PostAsJsonAsync($"sessions/{caseId}/s-1/upload", new { fileName = "recording.mp4", size = new FileInfo(stack.Recording).Length }));
        var uploadUrl = new Uri((string)upload["uploadUrl"]!);
        await using (var file = File.OpenRead(stack.Recording))
            await new BlobClient(uploadUrl).UploadAsync(file);
        await AssertForbiddenAsync(() => new BlobClient(uploadUrl).DownloadContentAsync());
        await AssertForbiddenAsync(() => new BlobClient(Elsewhere(uploadUrl, "other.mp4")).UploadAsync(BinaryData.FromString("x")));
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"sessions/{caseId}/s-1/upload", new { fileName = "second.mp4", size = 10 })).StatusCode);

        // The manifest: problems first, then a good one that starts the pipeline.
        using (var bad = await api.PutAsync($"sessions/{caseId}/s-1/manifest", new StringContent("""{"schema":"basictrust.session/v1","tags":[]}""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("caseId", await bad.Content.ReadAsStringAsync());
        }
        using (var accepted = await api.PutAsync($"sessions/{caseId}/s-1/manifest", new StringContent(PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen"), (7, 9, "spiegelen")))))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            Assert.Equal($"/api/sessions/{caseId}/s-1", (string?)(await Json(accepted))["status"]);
        }
        var ready = await stack.WaitForStateAsync(caseId, "s-1", "ready");
        await stack.WaitForReviewRowAsync(caseId, "s-1", (string)ready["planId"]!);
        Assert.Equal("ready", (string?)(await Json(await api.GetAsync($"sessions/{caseId}/s-1")))["state"]);
        // The plan was made from this recording: it can no longer be replaced.
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"sessions/{caseId}/s-1/upload", new { fileName = "recording.mp4", size = 10 })).StatusCode);

        // The review queue, date-filtered, then the reel's read-only links.
        Assert.Contains(await ReviewCasesAsync(api, ""), c => c == caseId);
        Assert.DoesNotContain(await ReviewCasesAsync(api, "?until=2026-11-30"), c => c == caseId);
        Assert.Contains(await ReviewCasesAsync(api, "?until=2026-12-01"), c => c == caseId);
        var reel = await Json(await api.GetAsync($"reels/{caseId}/s-1"));
        var reelLink = new Uri((string)reel["links"]!["reel"]!);
        Assert.True((await new BlobClient(reelLink).DownloadContentAsync()).Value.Content.ToMemory().Length > 1000);
        await AssertForbiddenAsync(() => new BlobClient(reelLink).UploadAsync(BinaryData.FromString("overwrite")));
        Assert.Equal(2, reel["links"]!["clips"]!.AsArray().Count);

        // Every link is in the audit log, with the caller and without any signature.
        var audit = await AuditTextAsync();
        Assert.Contains($"reels/{caseId}/s-1/", audit);
        Assert.Contains($"\"who\":\"{People.TherapistA.ObjectId}\",\"action\":\"read-link\"", audit);
        Assert.DoesNotContain("sig=", audit);

        // Reviewed (twice: idempotent) leaves the queue.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"reels/{caseId}/s-1/reviewed", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"reels/{caseId}/s-1/reviewed", null)).StatusCode);
        Assert.DoesNotContain(await ReviewCasesAsync(api, ""), c => c == caseId);

        // Consent withdrawn: a privacy officer purges; nothing of the case is left anywhere.
        using var officer = stack.Api(People.PrivacyOfficer);
        var purge = await Json(await officer.DeleteAsync($"cases/{caseId}"));
        Assert.True((int)purge["removed"]!["blobs"]! > 10);
        Assert.Null(purge["purgedBefore"]);
        foreach (var container in SessionKey.Containers)
            Assert.Empty(await stack.BlobsAsync(container, caseId + "/"));
        Assert.DoesNotContain(await stack.BlobsAsync("azure-webjobs-hosts", "blobreceipts/"), b => b.Name.Contains(caseId, StringComparison.Ordinal));
        var log = await AuditTextAsync();
        Assert.True(log.IndexOf($"\"action\":\"purge-requested\",\"target\":\"{caseId}\"", StringComparison.Ordinal)
            < log.IndexOf($"\"action\":\"purge-case\",\"target\":\"{caseId}\"", StringComparison.Ordinal), "the intent is recorded before the result");
        // A purge can run again (to finish one that failed part-way); the purged case id is retired.
        // Run again it says the case was purged already, and when: nothing was left to remove.
        var again = await Json(await officer.DeleteAsync($"cases/{caseId}"));
        Assert.Equal(0, (int)again["removed"]!["blobs"]!);
        Assert.NotNull((DateTimeOffset?)again["purgedBefore"]);
        Assert.Equal(HttpStatusCode.Gone, (await api.PostAsJsonAsync("cases", new { caseId })).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await api.PostAsJsonAsync($"sessions/{caseId}/s-2/upload", new { fileName = "recording.mp4", size = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await api.PutAsync($"sessions/{caseId}/s-2/manifest", new StringContent(PipelineFixture.Manifest(caseId, "s-2", (2, 4, "benoemen"))))).StatusCode);
    }

    [Theory]
    [InlineData("""{"fileName":"../x.mp4","size":10}""", "fileName")]
    [InlineData("""{"fileName":"notes.txt","size":10}""", "fileName")]
    [InlineData("""{"fileName":"a.mp4","size":0}""", "size")]
    public async Task UploadLink_BadRequest_NamesTheField(string body, string field)
    {
        await stack.CreateCaseAsync("upload-check");
        using var api = stack.Api();
        using var response = await api.PostAsync("sessions/upload-check/s-1/upload", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (string?)(await Json(response))["errors"]![0]!["path"]);
    }

    [Fact]
    public async Task ExpiredLink_IsRefusedByStorage()
    {
        var store = new PipelineStore(stack.Blobs, new BlobLinks(stack.Blobs, TimeProvider.System));
        var blob = store.Blob(SessionKey.Pipeline, "expiry-check.txt");
        await blob.UploadAsync(BinaryData.FromString("x"), overwrite: true);
        var link = await store.LinkAsync(blob, BlobSasPermissions.Read, TimeSpan.FromSeconds(-30), CancellationToken.None);
        await AssertForbiddenAsync(() => new BlobClient(link).DownloadContentAsync());
    }

    static Uri Elsewhere(Uri link, string name) => new UriBuilder(link) { Path = link.AbsolutePath[..(link.AbsolutePath.LastIndexOf('/') + 1)] + name }.Uri;

    static async Task AssertForbiddenAsync(Func<Task> call) =>
        Assert.Equal(403, (await Assert.ThrowsAsync<Azure.RequestFailedException>(call)).Status);

    static async Task<List<string>> ReviewCasesAsync(HttpClient api, string query) =>
        [.. (await Json(await api.GetAsync("reviews" + query))).AsArray().Select(i => (string)i!["caseId"]!)];

    async Task<string> AuditTextAsync()
    {
        var text = "";
        var audit = stack.Blobs.GetBlobContainerClient(SessionKey.Audit);
        await foreach (var blob in audit.GetBlobsAsync(new GetBlobsOptions { Prefix = AuditLog.Prefix }))
            text += (await audit.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
        return text;
    }

    static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
