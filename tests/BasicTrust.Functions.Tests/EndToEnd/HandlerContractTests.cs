using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BasicTrust.DevHost.Handler;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>The handler's side of the custom handler contract, over real HTTP.</summary>
[Collection("pipeline")]
public class HandlerContractTests(PipelineFixture stack)
{
    readonly HttpClient _http = new() { BaseAddress = stack.Host.Handler.BaseAddress };

    [Fact]
    public async Task GetRoot_AnswersForTheHostsReadinessProbe() =>
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/")).StatusCode);

    [Fact]
    public async Task PlanSession_InvalidManifest_Answers200WithJsonOutputsAndQueuesNothing()
    {
        var caseId = $"contract-{Guid.NewGuid():N}"[..20];
        var body = HostPayload.Invocation("PlanSession",
            new() { ["manifest"] = HostPayload.Text("""{"schema":"basictrust.session/v1"}""") },
            new() { ["caseId"] = HostPayload.Text(caseId), ["sessionId"] = HostPayload.Text("s-1"), ["BlobTrigger"] = HostPayload.Text("x") },
            TimeProvider.System);

        using var response = await _http.PostAsJsonAsync("/PlanSession", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Empty(result["Outputs"]!["clipJobs"]!.AsArray());
        Assert.Equal("failed", (string?)(await stack.StatusAsync(caseId, "s-1"))!["state"]);
    }

    [Theory]
    [InlineData("/CutClip", """{"Data":{"job":"\"not json\""},"Metadata":{}}""")]
    [InlineData("/CutClip", """{"Data":{"job":"{\"caseId\":\"../x\",\"sessionId\":\"s\",\"planId\":\"0123456789ab\",\"clipId\":\"0123456789ab-01\"}"},"Metadata":{}}""")]
    [InlineData("/AssembleReel", """[]""")]
    [InlineData("/PlanSession", """{"Data":{"manifest":"{}"},"Metadata":{"caseId":"\"a/b\"","sessionId":"\"s\""}}""")]
    public async Task InvalidInvocation_AnswersNon2xxWithAJsonReason(string path, string body)
    {
        using var response = await _http.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]);
    }
}
