using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>
/// The API speaks the caller's language (Accept-Language: nl or en; English when it asks for neither): problem titles,
/// details and field messages, and the sentences in its answers, all with their catalogue keys beside them.
/// </summary>
[Collection("pipeline")]
public class LanguageTests(PipelineFixture stack)
{
    static string Manifest(string caseId, string label, double end = 4) =>
        $$"""{"schema":"basictrust.session/v1","caseId":"{{caseId}}","sessionId":"s-1","method":"basic-trust","recording":"recording.mp4","onRecording":["moeder","kind"],"tags":[{"start":2,"end":{{end}},"label":"{{label}}"}]}""";

    async Task<(HttpStatusCode Status, JsonNode Answer)> SendAsync(HttpMethod method, string path, string? acceptLanguage, string? body = null)
    {
        using var api = stack.Api();
        using var request = new HttpRequestMessage(method, path);
        if (acceptLanguage is not null) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await api.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Theory]
    [InlineData("nl", "nl")]
    [InlineData("nl-NL,nl;q=0.9,en-GB;q=0.8", "nl")]
    [InlineData("fr-FR, en;q=0.5, nl;q=0.4", "en")]
    [InlineData("en", "en")]
    [InlineData("de", "en")]
    [InlineData(null, "en")]
    public async Task RefusedManifest_IsSaidInTheAskedLanguage_WithItsKeys(string? acceptLanguage, string expected)
    {
        var caseId = $"lang-{Guid.NewGuid():N}"[..20];
        await stack.CreateCaseAsync(caseId);

        var (status, problem) = await SendAsync(HttpMethod.Put, $"sessions/{caseId}/s-1/manifest", acceptLanguage, Manifest(caseId, "benomen"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal(("tags[0].label", "vocabulary", "problem.vocabulary.suggestion"), ((string)error["path"]!, (string)error["rule"]!, (string)error["key"]!));
        Assert.Equal("benoemen", (string?)error["args"]!["suggestion"]);
        Assert.Equal(("api.bad-request.title", "api.manifest.detail"), ((string)problem["titleKey"]!, (string)problem["detailKey"]!));
        var said = ((string)problem["title"]!, (string)problem["detail"]!, (string)error["message"]!);
        Assert.Equal(expected == "nl"
            ? ("Het verzoek is niet geldig.", "Het sessiebestand heeft problemen; er is niets opgeslagen.", "Label „benomen” staat niet in de lijst van basic-trust; bedoelt u „benoemen”?")
            : ("The request is not valid.", "The manifest has problems; nothing was stored.", "Label 'benomen' is not in the basic-trust vocabulary — did you mean 'benoemen'?"),
            said);
    }

    [Fact]
    public async Task ProblemsFromTheEdge_AreDutchToo()
    {
        // Refused before any function runs (the case edge), and with values in the sentence.
        var (status, hidden) = await SendAsync(HttpMethod.Get, "cases/lang-nobody-here", "nl");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(("Niet gevonden.", "Er is geen cliënt lang-nobody-here die u mag zien."), ((string)hidden["title"]!, (string)hidden["detail"]!));
        Assert.Equal("lang-nobody-here", (string?)hidden["args"]!["caseId"]);

        var (badId, ids) = await SendAsync(HttpMethod.Get, "sessions/FAM-1/s-1", "nl");
        Assert.Equal(HttpStatusCode.BadRequest, badId);
        Assert.Equal("Een code in het adres is niet geldig.", (string)ids["detail"]!);
        Assert.StartsWith("caseId moet voldoen aan", (string)ids["errors"]![0]!["message"]!);
    }

    [Fact]
    public async Task DryRun_SaysItsProblemsInTheReadersLanguage_AndTheChaptersInTheReels()
    {
        var caseId = $"lang-{Guid.NewGuid():N}"[..20];
        await stack.CreateCaseAsync(caseId);

        // The tag runs past the 12-second recording: a warning; the chapter title stays the reel's (Dutch by default).
        var (status, plan) = await SendAsync(HttpMethod.Post, $"sessions/{caseId}/s-1/plan?duration=12", "nl", Manifest(caseId, "benoemen", end: 14));
        Assert.Equal(HttpStatusCode.OK, status);
        var warning = Assert.Single(plan["warnings"]!.AsArray())!;
        Assert.Equal("problem.within-recording.end", (string?)warning["key"]);
        Assert.StartsWith("Moment „t1” eindigt op", (string)warning["message"]!);
        var (_, english) = await SendAsync(HttpMethod.Post, $"sessions/{caseId}/s-1/plan?duration=12", "en", Manifest(caseId, "benoemen", end: 14));
        Assert.StartsWith("Tag 't1' ends at", (string)english["warnings"]![0]!["message"]!);
        Assert.Equal((string?)plan["chapters"]![0]!["title"], (string?)english["chapters"]![0]!["title"]);
    }

    [Fact]
    public async Task Methods_AreNamedInTheReadersLanguage()
    {
        var (_, dutch) = await SendAsync(HttpMethod.Get, "methods", "nl");
        var (_, english) = await SendAsync(HttpMethod.Get, "methods", null);
        string Custom(JsonNode methods) => (string)methods.AsArray().Single(m => (string?)m!["method"] == "custom")!["name"]!;
        Assert.Equal(("Eigen labels", "Custom labels"), (Custom(dutch), Custom(english)));
    }
}
