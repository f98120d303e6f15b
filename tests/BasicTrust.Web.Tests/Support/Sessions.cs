using System.Diagnostics;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using BasicTrust.Testing;

namespace BasicTrust.Web.Tests.Support;

/// <summary>The tests' sessions: a Basic Trust manifest for the tiny recording, and a reel made from it by the real pipeline.</summary>
public static class Sessions
{
    public const string ShowcaseCase = "web-showcase";
    public const string ReviewCase = "web-review";
    public const string SessionId = "2026-11-20-bezoek-3";
    /// <summary>A case with two ready reels for the verdicts: one a reviewer sends back with a comment, one they approve.</summary>
    public const string VerdictCase = "web-verdict";
    public const string SentBackSession = "2026-11-06-bezoek-1";
    public const string ApprovedSession = "2026-11-13-bezoek-2";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    /// <summary>The private note of the first tag: shown on the reel page, never in the video or its captions.</summary>
    public const string Note = "Moeder benoemt wat het kind voelt";

    /// <summary>The case's treatment goal, which the first tag shows.</summary>
    public const string Goal = "Moeder benoemt de gevoelens van het kind";

    /// <summary>
    /// Three tags far enough apart to stay three clips (two strengths and a learning moment), with captions and a note,
    /// a goal, session 3 of 8, the next session on 1 December. With <paramref name="strengthsFirst"/> the learning
    /// moment comes first in the recording and the reel shows the strengths first, so the reel's order is not the
    /// recording's.
    /// </summary>
    public static string Manifest(string caseId, string sessionId, string recording = "recording.mp4", bool strengthsFirst = false) => new JsonObject
    {
        ["schema"] = "basictrust.session/v1", ["caseId"] = caseId, ["sessionId"] = sessionId, ["method"] = "basic-trust",
        ["recording"] = recording, ["nextSessionAt"] = "2026-12-01T10:00:00+01:00", ["onRecording"] = new JsonArray([.. TestFamily.OnRecording.Select(id => (JsonNode)id)]),
        ["course"] = new JsonObject { ["session"] = 3, ["of"] = 8 },
        ["goals"] = new JsonArray(new JsonObject { ["id"] = "g1", ["text"] = Goal }),
        ["tags"] = new JsonArray(
            new JsonObject { ["start"] = strengthsFirst ? 5 : 1, ["end"] = strengthsFirst ? 7 : 3, ["label"] = "benoemen", ["caption"] = "Jij bent boos, hè?", ["note"] = Note, ["goal"] = "g1" },
            new JsonObject { ["start"] = strengthsFirst ? 1 : 5, ["end"] = strengthsFirst ? 3 : 7, ["label"] = "signaal-gemist", ["caption"] = "Wat zag je hier?" },
            new JsonObject { ["start"] = 9, ["end"] = 11, ["label"] = "spiegelen" }),
        ["reel"] = new JsonObject { ["preRoll"] = 0.25, ["postRoll"] = 0.25, ["resolution"] = "480p", ["order"] = strengthsFirst ? "strengths-first" : "chronological" },
    }.ToJsonString();

    /// <summary>
    /// Therapist A creates the case, shares it, uploads the recording through an upload link and sends the manifest,
    /// as bt does; then waits until the reel is ready and on the review queue. The manifest is <see cref="Manifest"/>'s
    /// unless one is given.
    /// </summary>
    public static async Task MakeReadyAsync(WebFixture web, string caseId, string sessionId, Person sharedWith, bool strengthsFirst = false, string? manifest = null)
    {
        using var api = web.Api(Person.TherapistA);
        await web.CreateCaseAsync(caseId);
        (await api.PutAsync($"cases/{caseId}/reviewers/{sharedWith.ObjectId}", null)).EnsureSuccessStatusCode();
        var size = new FileInfo(web.Recording).Length;
        var link = await (await api.PostAsJsonAsync($"sessions/{caseId}/{sessionId}/upload", new { fileName = "recording.mp4", size }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        await using (var file = File.OpenRead(web.Recording))
            await new BlobClient(new Uri((string)link!["uploadUrl"]!)).UploadAsync(file);
        (await api.PutAsync($"sessions/{caseId}/{sessionId}/manifest", new StringContent(manifest ?? Manifest(caseId, sessionId, strengthsFirst: strengthsFirst)))).EnsureSuccessStatusCode();

        var clock = Stopwatch.StartNew();
        string? state = null;
        while (clock.Elapsed < Patience)
        {
            using var status = await api.GetAsync($"sessions/{caseId}/{sessionId}");
            state = status.StatusCode == HttpStatusCode.OK ? (string?)(await status.Content.ReadFromJsonAsync<JsonObject>())!["state"] : null;
            if (state == "failed") break;
            if (state == "ready")
            {
                var queue = await api.GetFromJsonAsync<JsonArray>("reviews");
                if (queue!.Any(r => (string?)r!["caseId"] == caseId && (string?)r["sessionId"] == sessionId)) return;
            }
            await Task.Delay(300);
        }
        throw new TimeoutException($"{caseId}/{sessionId} did not become ready and queued for review (last state: {state ?? "none"}).\n{web.Diagnostics}");
    }
}
