using System.Net.Http.Json;

namespace BasicTrust.Testing;

/// <summary>
/// The family the tests' cases get and their manifests put on the recording: a mother who holds parental authority
/// and consented to watching back and to supervision, and her child of 2–3 (whose consent is hers).
/// </summary>
public static class TestFamily
{
    /// <summary>Who the tests' manifests say is on their recordings.</summary>
    public static readonly string[] OnRecording = ["moeder", "kind"];

    /// <summary>Records the family and the mother's consent on a new case, through the API as its owner.</summary>
    public static async Task RecordAsync(HttpClient owner, string caseId)
    {
        using (var people = await owner.PutAsJsonAsync($"cases/{caseId}/people", new { people = new object[] { new { id = "moeder", role = "moeder" }, new { id = "kind", role = "kind", ageBand = "2-3" } } }))
            people.EnsureSuccessStatusCode();
        using var consent = await owner.PostAsJsonAsync($"cases/{caseId}/consents", new { person = "moeder", scopes = new[] { "terugkijken", "supervisie" }, means = "formulier" });
        consent.EnsureSuccessStatusCode();
    }
}
