using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>The recording a plan was made from never changes, whatever upload links were handed out before.</summary>
[Collection("pipeline")]
public class RecordingSealTests(PipelineFixture stack)
{
    [Fact]
    public async Task LinksHandedOutBeforeThePlan_NeitherReplaceTheRecordingNorAddASecondOne()
    {
        using var api = stack.Api();
        var caseId = $"seal-{Guid.NewGuid():N}"[..20];
        await stack.CreateCaseAsync(caseId);
        var size = new FileInfo(stack.Recording).Length;
        var upload = await LinkAsync(api, caseId, "recording.mp4", size);
        var sameNameLater = await LinkAsync(api, caseId, "recording.mp4", 23);
        var otherName = await LinkAsync(api, caseId, "other.mp4", 23);
        await using (var file = File.OpenRead(stack.Recording))
            await new BlobClient(upload).UploadAsync(file);
        using (var accepted = await api.PutAsync($"sessions/{caseId}/s-1/manifest", new StringContent(PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen")))))
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var first = await stack.WaitForStateAsync(caseId, "s-1", "ready");
        var recording = stack.Blobs.GetBlobContainerClient("recordings").GetBlobClient($"{caseId}/s-1/recording.mp4");
        var planned = (await recording.GetPropertiesAsync()).Value;

        // Storage itself refuses the old link's upload: the planned recording is sealed (leased).
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(sameNameLater).UploadAsync(BinaryData.FromString("twenty-three bytes long"), overwrite: true));
        Assert.Equal(412, refused.Status);
        var after = (await recording.GetPropertiesAsync()).Value;
        Assert.Equal((planned.ETag, size), (after.ETag, after.ContentLength));

        // A second name cannot be refused by storage; the pipeline removes it as soon as it arrives.
        await new BlobClient(otherName).UploadAsync(BinaryData.FromString("twenty-three bytes long"));
        await WaitUntilGoneAsync(stack.Blobs.GetBlobContainerClient("recordings").GetBlobClient($"{caseId}/s-1/other.mp4"));

        // Editing the tags afterwards plans the same recording again.
        using (var edited = await api.PutAsync($"sessions/{caseId}/s-1/manifest", new StringContent(PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen"), (7, 9, "spiegelen")))))
            Assert.Equal(HttpStatusCode.Accepted, edited.StatusCode);
        var second = await stack.WaitForAsync(caseId, "s-1", s => (string?)s["state"] == "ready" && (string?)s["planId"] != (string?)first["planId"]);
        Assert.Equal(2, (int)second["clipsTotal"]!);

        // A manifest naming another recording is refused by name: a session has one.
        var another = PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen")).Replace("\"recording.mp4\"", "\"other.mp4\"", StringComparison.Ordinal);
        using (var renamed = await api.PutAsync($"sessions/{caseId}/s-1/manifest", new StringContent(another)))
            Assert.Equal(HttpStatusCode.Accepted, renamed.StatusCode);
        var wrongRecording = Assert.Single((await stack.WaitForStateAsync(caseId, "s-1", "failed"))["errors"]!.AsArray())!;
        Assert.Equal(("recording", "one-recording"), ((string)wrongRecording["path"]!, (string)wrongRecording["rule"]!));
        Assert.True((await recording.ExistsAsync()).Value);
    }

    static async Task<Uri> LinkAsync(HttpClient api, string caseId, string fileName, long size)
    {
        using var response = await api.PostAsJsonAsync($"sessions/{caseId}/s-1/upload", new { fileName, size });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Uri((string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["uploadUrl"]!);
    }

    async Task WaitUntilGoneAsync(BlobClient blob)
    {
        var clock = Stopwatch.StartNew();
        while ((await blob.ExistsAsync()).Value)
        {
            if (clock.Elapsed > PipelineFixture.Patience) throw new TimeoutException($"{blob.Name} was not removed.\nDevHost log:\n{stack.LogTail}");
            await Task.Delay(200);
        }
    }
}
