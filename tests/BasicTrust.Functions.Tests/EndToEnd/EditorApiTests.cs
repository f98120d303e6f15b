using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Specialized;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>What the web editor asks the API before a manifest is sent: a dry run of the plan, and tags from another tool's file.</summary>
[Collection("pipeline")]
public class EditorApiTests(PipelineFixture stack)
{
    [Fact]
    public async Task PlanDryRun_GivesTheClipsAndNamesEveryProblem_StoringNothing()
    {
        var caseId = $"edit-{Guid.NewGuid():N}"[..20];
        await stack.CreateCaseAsync(caseId);
        using var api = stack.Api();
        var manifest = PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen"), (4.2, 6, "spiegelen"), (9, 10, "benomen"));

        using var response = await api.PostAsync($"sessions/{caseId}/s-1/plan?duration=12", new StringContent(manifest, Encoding.UTF8, "application/json"));
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((bool)result["valid"]!);
        Assert.Contains(result["errors"]!.AsArray(), e => (string?)e!["path"] == "tags[2].label" && ((string?)e["message"])!.Contains("benoemen", StringComparison.Ordinal));
        Assert.Empty(await stack.BlobsAsync("recordings", caseId + "/"));

        var fixedManifest = manifest.Replace("benomen", "benoemen", StringComparison.Ordinal);
        var plan = JsonNode.Parse(await (await api.PostAsync($"sessions/{caseId}/s-1/plan?duration=12", new StringContent(fixedManifest, Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync())!;
        Assert.True((bool)plan["valid"]!);
        // Pre- and post-roll of 0.5 s join the first two tags into one clip.
        Assert.Equal(2, plan["clips"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync($"sessions/{caseId}/s-1/plan", new StringContent(fixedManifest))).StatusCode);
        using var other = stack.Api(People.TherapistB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"sessions/{caseId}/s-1/plan?duration=12", new StringContent(fixedManifest))).StatusCode);
    }

    [Fact]
    public async Task Import_TurnsACsvIntoManifestTags_AndSaysWhatIsWrongWithABadOne()
    {
        using var api = stack.Api();
        using var csv = await api.PostAsync("import/csv", new StringContent("start,end,label,caption\n00:02,4.5,benoemen,\"Jij bent boos, hè?\"\n", Encoding.UTF8, "text/csv"));
        var tag = JsonNode.Parse(await csv.Content.ReadAsStringAsync())!["tags"]![0]!;
        Assert.Equal(("00:02", 4.5, "benoemen", "Jij bent boos, hè?"), ((string)tag["start"]!, (double)tag["end"]!, (string)tag["label"]!, (string)tag["caption"]!));

        using var bad = await api.PostAsync("import/csv", new StringContent("start,end\n1,2\n"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'label'", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync("import/xlsx", new StringContent("x"))).StatusCode);

        // More tags than a session takes: refused at the first one too many, naming the rule.
        using var many = await api.PostAsync("import/csv", new StringContent("start,end,label\n" + string.Concat(Enumerable.Range(0, 201).Select(i => $"{i},{i + 1},benoemen\n"))));
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        var problem = JsonNode.Parse(await many.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal(("$", "max-tags"), ((string)problem["path"]!, (string)problem["rule"]!));
        // A time JSON has no number for comes back as text, for the manifest's own validation to refuse.
        using var infinite = await api.PostAsync("import/csv", new StringContent("start,end,label\nInfinity,1e400,benoemen\n"));
        Assert.Equal("Infinity", (string)JsonNode.Parse(await infinite.Content.ReadAsStringAsync())!["tags"]![0]!["start"]!);
        using var reviewer = stack.Api(People.Reviewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsync("import/csv", new StringContent("start,end,label\n1,2,benoemen\n"))).StatusCode);
    }

    [Fact]
    public async Task Vocabulary_ListsTheLabels_AndMatchesWhatIsTyped_ExactlyOrAsDidYouMean()
    {
        using var api = stack.Api();
        var methods = JsonNode.Parse(await api.GetStringAsync("methods"))!.AsArray();
        Assert.Equal(["basic-trust", "vipp-sd", "vht", "custom"], methods.Select(m => (string)m!["method"]!));

        var vocabulary = JsonNode.Parse(await api.GetStringAsync("methods/basic-trust"))!;
        var benoemen = vocabulary["labels"]!.AsArray().First(l => (string?)l!["code"] == "benoemen")!;
        Assert.Equal(("Benoemen", "Naming", "strength", true), ((string)benoemen["nl"]!, (string)benoemen["en"]!, (string)benoemen["valence"]!, (bool)benoemen["confirmed"]!));
        Assert.Contains(vocabulary["aliases"]!.AsArray(), a => (string?)a!["oldCode"] == "herstel" && (string?)a["newCode"] == "herstel-van-contact");

        async Task<(string? Code, bool? Exact)> MatchAsync(string method, string typed)
        {
            var match = JsonNode.Parse(await api.GetStringAsync($"methods/{method}?match={Uri.EscapeDataString(typed)}"))!["match"];
            return ((string?)match?["code"], (bool?)match?["exact"]);
        }
        Assert.Equal(("benoemen", true), await MatchAsync("basic-trust", "benoemen"));
        Assert.Equal(("herstel-van-contact", true), await MatchAsync("basic-trust", "herstel"));          // an old code
        Assert.Equal(("sensitief-reageren", true), await MatchAsync("basic-trust", "Responding sensitively")); // an English name
        Assert.Equal(("benoemen", false), await MatchAsync("basic-trust", "benomen"));                    // as the manifest's did-you-mean
        Assert.Equal(("veilig-begrenzen", false), await MatchAsync("basic-trust", "Veilig begrensen"));
        Assert.Equal((null, null), await MatchAsync("basic-trust", "xyzzy-nothing-like-it"));

        using var unknown = await api.GetAsync("methods/basic-trustt");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("basic-trust, vipp-sd", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"methods/vht?match={new string('a', 101)}")).StatusCode);
    }

    [Fact]
    public async Task Manifest_AsSent_IsReadBackForTheEditor_And404BeforeOneWasSent()
    {
        var caseId = $"edit-{Guid.NewGuid():N}"[..20];
        await stack.CreateCaseAsync(caseId);
        using var api = stack.Api();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"sessions/{caseId}/s-1/manifest")).StatusCode);

        var manifest = PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen"));
        using var put = await api.PutAsync($"sessions/{caseId}/s-1/manifest", new StringContent(manifest, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
        using var get = await api.GetAsync($"sessions/{caseId}/s-1/manifest");
        Assert.Equal("application/json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(manifest, await get.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Export_GivesTheTagsAsAFileTheImportReadsBack_AndNamesAManifestsErrors()
    {
        var caseId = $"edit-{Guid.NewGuid():N}"[..20];
        await stack.CreateCaseAsync(caseId);
        using var api = stack.Api();
        var manifest = PipelineFixture.Manifest(caseId, "s-1", (2, 4, "benoemen"), (5, 6.5, "kind-signaal"));

        foreach (var format in new[] { "elan", "boris", "csv" })
        {
            using var exported = await api.PostAsync($"sessions/{caseId}/s-1/export/{format}", new StringContent(manifest, Encoding.UTF8, "application/json"));
            var file = JsonNode.Parse(await exported.Content.ReadAsStringAsync())!;
            Assert.True(exported.StatusCode == HttpStatusCode.OK, file.ToJsonString());
            Assert.StartsWith($"{caseId}-s-1", (string)file["fileName"]!);
            using var imported = await api.PostAsync($"import/{format}", new StringContent((string)file["text"]!));
            var tags = JsonNode.Parse(await imported.Content.ReadAsStringAsync())!["tags"]!.AsArray();
            Assert.Equal([(2.0, 4.0, "benoemen", "parent"), (5.0, 6.5, "kind-signaal", "child")],
                tags.Select(t => ((double)t!["start"]!, (double)t["end"]!, (string)t["label"]!, (string)t["actor"]!)).OrderBy(t => t.Item1));
        }
        Assert.Empty(await stack.BlobsAsync("recordings", caseId + "/"));

        using var invalid = await api.PostAsync($"sessions/{caseId}/s-1/export/elan", new StringContent(manifest.Replace("\"benoemen\"", "\"benomen\""), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("tags[0].label", await invalid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync($"sessions/{caseId}/s-1/export/xlsx", new StringContent(manifest))).StatusCode);
    }

    [Fact]
    public async Task Recording_SaysHowMuchOfAnUploadStorageHolds_ThenThatItIsStored()
    {
        var caseId = $"rec-{Guid.NewGuid():N}"[..20];
        await stack.CreateCaseAsync(caseId);
        using var api = stack.Api();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"sessions/{caseId}/s-1/recording")).StatusCode);

        const int size = 3 * 1024 * 1024;
        using var linked = await api.PostAsJsonAsync($"sessions/{caseId}/s-1/upload", new { fileName = "visit.mp4", size });
        var link = await linked.Content.ReadFromJsonAsync<JsonObject>();
        var blob = new BlockBlobClient(new Uri((string)link!["uploadUrl"]!));
        // One of three blocks staged, as an upload the browser lost at a third.
        var bytes = new byte[size];
        var ids = Enumerable.Range(0, 3).Select(i => Convert.ToBase64String(BitConverter.GetBytes(i))).ToList();
        await blob.StageBlockAsync(ids[0], new MemoryStream(bytes, 0, size / 3));
        var begun = JsonNode.Parse(await api.GetStringAsync($"sessions/{caseId}/s-1/recording"))!;
        Assert.Equal(("visit.mp4", size, false, size / 3), ((string)begun["fileName"]!, (int)begun["size"]!, (bool)begun["stored"]!, (int)begun["received"]!));
        Assert.NotNull((DateTimeOffset?)begun["startedAt"]);

        await blob.StageBlockAsync(ids[1], new MemoryStream(bytes, size / 3, size / 3));
        await blob.StageBlockAsync(ids[2], new MemoryStream(bytes, 2 * (size / 3), size - 2 * (size / 3)));
        await blob.CommitBlockListAsync(ids);
        var stored = JsonNode.Parse(await api.GetStringAsync($"sessions/{caseId}/s-1/recording"))!;
        Assert.Equal(("visit.mp4", size, true), ((string)stored["fileName"]!, (int)stored["size"]!, (bool)stored["stored"]!));
        Assert.True((DateTimeOffset)stored["storedAt"]! > DateTimeOffset.UtcNow.AddMinutes(-5));
    }
}
