using System.Net.Http.Json;
using BasicTrust.DevHost;
using BasicTrust.DevHost.Http;
using BasicTrust.Testing;

namespace BasicTrust.Media.Bench;

/// <summary>
/// A bench session's case, made as a therapist makes one: through the host's API, with the tests' family on the
/// recording and the consent that lets it be planned (no recording is cut without it).
/// </summary>
static class BenchCases
{
    static readonly DevelopmentUser Therapist = new("a0000000-0000-4000-8000-00000000000a", ["therapist"]);

    public static async Task CreateAsync(LocalFunctionsHost host, string caseId)
    {
        using var api = new HttpClient { BaseAddress = host.ApiBaseAddress };
        api.DefaultRequestHeaders.Authorization = new("Bearer", host.DevelopmentToken(Therapist));
        using (var created = await api.PostAsJsonAsync("cases", new { caseId })) created.EnsureSuccessStatusCode();
        await TestFamily.RecordAsync(api, caseId);
    }
}
