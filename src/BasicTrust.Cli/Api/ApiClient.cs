using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BasicTrust.Cli.Api;

/// <summary>A problem the API reported (RFC 9457), or why it could not be reached.</summary>
sealed class ApiException(string message, IReadOnlyList<(string Path, string Message)> errors, HttpStatusCode? status = null) : Exception(message)
{
    public IReadOnlyList<(string Path, string Message)> Errors { get; } = errors;
    public HttpStatusCode? Status { get; } = status;
}

/// <summary>The BasicTrust HTTP API: the sign-in as a bearer token, problem details turned into <see cref="ApiException"/>.</summary>
sealed class ApiClient(Uri baseAddress, string token) : IDisposable
{
    readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2), DefaultRequestHeaders = { Authorization = new("Bearer", token) } };

    public Task<JsonNode> CreateCaseAsync(string caseId, CancellationToken ct) => SendAsync(HttpMethod.Post, "cases", JsonContent.Create(new { caseId }), ct);

    public Task<JsonNode> CasesAsync(CancellationToken ct) => SendAsync(HttpMethod.Get, "cases", null, ct);

    public Task<JsonNode> ShareAsync(string caseId, string reviewer, bool share, CancellationToken ct) =>
        SendAsync(share ? HttpMethod.Put : HttpMethod.Delete, $"cases/{Uri.EscapeDataString(caseId)}/reviewers/{Uri.EscapeDataString(reviewer)}", null, ct);

    public Task<JsonNode> UploadLinkAsync(string caseId, string sessionId, string fileName, long size, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"sessions/{caseId}/{sessionId}/upload", JsonContent.Create(new { fileName, size }), ct);

    public Task<JsonNode> PutManifestAsync(string caseId, string sessionId, string manifest, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, $"sessions/{caseId}/{sessionId}/manifest", new StringContent(manifest, System.Text.Encoding.UTF8, "application/json"), ct);

    public Task<JsonNode> StatusAsync(string caseId, string sessionId, CancellationToken ct) => SendAsync(HttpMethod.Get, $"sessions/{caseId}/{sessionId}", null, ct);

    public Task<JsonNode> ReviewsAsync(string? until, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, until is null ? "reviews" : $"reviews?until={Uri.EscapeDataString(until)}", null, ct);

    public Task<JsonNode> ReelAsync(string caseId, string sessionId, CancellationToken ct) => SendAsync(HttpMethod.Get, $"reels/{caseId}/{sessionId}", null, ct);

    public Task<JsonNode> ReviewedAsync(string caseId, string sessionId, CancellationToken ct) => SendAsync(HttpMethod.Post, $"reels/{caseId}/{sessionId}/reviewed", null, ct);

    public Task<JsonNode> CommentAsync(string caseId, string sessionId, string clipId, string text, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"reels/{caseId}/{sessionId}/comments", JsonContent.Create(new { clipId, text }), ct);

    public Task<JsonNode> DecideAsync(string caseId, string sessionId, string decision, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"reels/{caseId}/{sessionId}/decision", JsonContent.Create(new { decision }), ct);

    public Task<JsonNode> PurgeAsync(string caseId, CancellationToken ct) => SendAsync(HttpMethod.Delete, $"cases/{caseId}", null, ct);

    async Task<JsonNode> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        HttpResponseMessage response;
        try { response = await _http.SendAsync(request, ct); }
        catch (HttpRequestException e) { throw new ApiException($"Cannot reach the API at {_http.BaseAddress} ({e.Message}). Is it running? (./run.sh serve)", []); }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode) return JsonNode.Parse(text) ?? new JsonObject();
            if (response.StatusCode == HttpStatusCode.Unauthorized) throw new ApiException("The API refused your sign-in (401): run bt login again.", [], response.StatusCode);
            JsonNode? problem = null;
            try { problem = JsonNode.Parse(text); } catch (System.Text.Json.JsonException) { }
            var errors = problem?["errors"]?.AsArray().Select(e => ((string?)e?["path"] ?? "", (string?)e?["message"] ?? "")).ToList() ?? [];
            throw new ApiException((string?)problem?["detail"] ?? $"The API answered {(int)response.StatusCode}.", errors, response.StatusCode);
        }
    }

    public void Dispose() => _http.Dispose();
}
