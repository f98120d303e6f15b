using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BasicTrust.Contracts;
using BasicTrust.Contracts.Api;
using BasicTrust.Contracts.Documents;

namespace BasicTrust.Cli.Api;

/// <summary>A problem the API reported (RFC 9457), or why it could not be reached.</summary>
sealed class ApiException(string message, IReadOnlyList<FieldProblem> errors, HttpStatusCode? status = null) : Exception(message)
{
    public IReadOnlyList<FieldProblem> Errors { get; } = errors;
    public HttpStatusCode? Status { get; } = status;
}

/// <summary>
/// The BasicTrust HTTP API: the sign-in as a bearer token, requests and answers as the contracts' records
/// (BasicTrust.Contracts, the same the app writes), problem details turned into <see cref="ApiException"/>.
/// </summary>
sealed class ApiClient(Uri baseAddress, string token) : IDisposable
{
    readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2), DefaultRequestHeaders = { Authorization = new("Bearer", token) } };

    public Task<CaseSummary> CreateCaseAsync(string caseId, CancellationToken ct) => SendAsync<CaseSummary>(HttpMethod.Post, "cases", Body(new CaseRequest(caseId)), ct);

    public Task<IReadOnlyList<CaseSummary>> CasesAsync(CancellationToken ct) => SendAsync<IReadOnlyList<CaseSummary>>(HttpMethod.Get, "cases", null, ct);

    public Task<CaseShares> ShareAsync(string caseId, string reviewer, bool share, CancellationToken ct) =>
        SendAsync<CaseShares>(share ? HttpMethod.Put : HttpMethod.Delete, $"cases/{Uri.EscapeDataString(caseId)}/reviewers/{Uri.EscapeDataString(reviewer)}", null, ct);

    public Task<UploadLink> UploadLinkAsync(string caseId, string sessionId, string fileName, long size, CancellationToken ct) =>
        SendAsync<UploadLink>(HttpMethod.Post, $"sessions/{caseId}/{sessionId}/upload", Body(new UploadRequest(fileName, size)), ct);

    public Task<ManifestAccepted> PutManifestAsync(string caseId, string sessionId, string manifest, CancellationToken ct) =>
        SendAsync<ManifestAccepted>(HttpMethod.Put, $"sessions/{caseId}/{sessionId}/manifest", new StringContent(manifest, System.Text.Encoding.UTF8, "application/json"), ct);

    /// <summary>The manifest last sent for the session, as sent.</summary>
    public async Task<string> ManifestAsync(string caseId, string sessionId, CancellationToken ct) =>
        (await SendAsync<JsonElement>(HttpMethod.Get, $"sessions/{caseId}/{sessionId}/manifest", null, ct)).GetRawText();

    public Task<SessionStatus> StatusAsync(string caseId, string sessionId, CancellationToken ct) => SendAsync<SessionStatus>(HttpMethod.Get, $"sessions/{caseId}/{sessionId}", null, ct);

    public Task<IReadOnlyList<ReviewItem>> ReviewsAsync(string? until, CancellationToken ct) =>
        SendAsync<IReadOnlyList<ReviewItem>>(HttpMethod.Get, until is null ? "reviews" : $"reviews?until={Uri.EscapeDataString(until)}", null, ct);

    public Task<ReelAnswer> ReelAsync(string caseId, string sessionId, CancellationToken ct) => SendAsync<ReelAnswer>(HttpMethod.Get, $"reels/{caseId}/{sessionId}", null, ct);

    public Task<MarkedReviewed> ReviewedAsync(string caseId, string sessionId, CancellationToken ct) => SendAsync<MarkedReviewed>(HttpMethod.Post, $"reels/{caseId}/{sessionId}/reviewed", null, ct);

    public Task<ReviewRound> CommentAsync(string caseId, string sessionId, string clipId, string text, double? offset, CancellationToken ct) =>
        SendAsync<ReviewRound>(HttpMethod.Post, $"reels/{caseId}/{sessionId}/comments", Body(new CommentRequest(clipId, text, offset)), ct);

    public Task<ReviewRound> DecideAsync(string caseId, string sessionId, ReviewDecision decision, CancellationToken ct) =>
        SendAsync<ReviewRound>(HttpMethod.Post, $"reels/{caseId}/{sessionId}/decision", Body(new DecisionRequest(Json.Name(decision))), ct);

    public Task<ConversationAnswer> ConversationAsync(string caseId, string sessionId, CancellationToken ct) =>
        SendAsync<ConversationAnswer>(HttpMethod.Get, $"sessions/{caseId}/{sessionId}/conversation", null, ct);

    public Task<ConversationAnswer> RecordConversationAsync(string caseId, string sessionId, ConversationRequest conversation, CancellationToken ct) =>
        SendAsync<ConversationAnswer>(HttpMethod.Put, $"sessions/{caseId}/{sessionId}/conversation", Body(conversation), ct);

    public Task<CasePurged> PurgeAsync(string caseId, CancellationToken ct) => SendAsync<CasePurged>(HttpMethod.Delete, $"cases/{caseId}", null, ct);

    public Task<PrivacyAnswer> PrivacyAsync(string caseId, CancellationToken ct) => SendAsync<PrivacyAnswer>(HttpMethod.Get, $"cases/{caseId}/privacy", null, ct);

    public Task<PrivacyOverview> PrivacyOverviewAsync(CancellationToken ct) => SendAsync<PrivacyOverview>(HttpMethod.Get, "privacy/cases", null, ct);

    public Task<PrivacyAnswer> SetPeopleAsync(string caseId, CasePeopleRequest people, CancellationToken ct) =>
        SendAsync<PrivacyAnswer>(HttpMethod.Put, $"cases/{caseId}/people", Body(people), ct);

    public Task<PrivacyAnswer> ConsentAsync(string caseId, ConsentRequest consent, CancellationToken ct) =>
        SendAsync<PrivacyAnswer>(HttpMethod.Post, $"cases/{caseId}/consents", Body(consent), ct);

    public Task<ConsentWithdrawn> WithdrawAsync(string caseId, string consentId, CancellationToken ct) =>
        SendAsync<ConsentWithdrawn>(HttpMethod.Post, $"cases/{caseId}/consents/{Uri.EscapeDataString(consentId)}/withdraw", null, ct);

    public Task<PrivacyAnswer> CloseAsync(string caseId, CancellationToken ct) => SendAsync<PrivacyAnswer>(HttpMethod.Post, $"cases/{caseId}/close", null, ct);

    public Task<PrivacyAnswer> HoldAsync(string caseId, string? reason, CancellationToken ct) => reason is null
        ? SendAsync<PrivacyAnswer>(HttpMethod.Delete, $"cases/{caseId}/hold", null, ct)
        : SendAsync<PrivacyAnswer>(HttpMethod.Put, $"cases/{caseId}/hold", Body(new HoldRequest(reason)), ct);

    static JsonContent Body<T>(T request) => JsonContent.Create(request, options: Json.Options);

    async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        HttpResponseMessage response;
        try { response = await _http.SendAsync(request, ct); }
        catch (HttpRequestException e) { throw new ApiException($"Cannot reach the API at {_http.BaseAddress} ({e.Message}). Is it running? (./run.sh serve)", []); }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
                return Read<T>(text) ?? throw new ApiException($"The API's answer to {method} {path} is not what bt expects; is bt as new as the API?", [], response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Unauthorized) throw new ApiException("The API refused your sign-in (401): run bt login again.", [], response.StatusCode);
            var problem = Read<ApiProblem>(text);
            throw new ApiException(problem?.Detail ?? $"The API answered {(int)response.StatusCode}.", problem?.Errors ?? [], response.StatusCode);
        }
    }

    static T? Read<T>(string text)
    {
        try { return JsonSerializer.Deserialize<T>(text, Json.Options); }
        catch (JsonException) { return default; }
    }

    public void Dispose() => _http.Dispose();
}
