using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Specialized;
using BasicTrust.Storage;
using BasicTrust.Cli.Commands;
using Spectre.Console;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>`bt` against the local stack: the DevHost's HTTP API, the real worker, Azurite and FFmpeg.</summary>
[Collection("pipeline")]
public class CliTests(PipelineFixture stack)
{
    [Fact]
    public async Task TherapistAndReviewer_UploadPushCsvWatchReviewFetchReviewedPurge()
    {
        var caseId = $"cli-{Guid.NewGuid():N}"[..20];
        var csv = Path.Combine(stack.Folder, $"{caseId}.csv");
        await File.WriteAllTextAsync(csv, "start,end,label,valence,note,caption\n2,4,benoemen,,,Jij bent boos\n9,10.5,spiegelen,,,\n");

        var create = await Bt("case", "create", caseId);
        Assert.True(create.Code == 0, create.Output);
        var people = await Bt("privacy", "people", caseId, "moeder=moeder", "kind=kind:4-6", "pleegvader=pleegouder:gezag");
        Assert.True(people.Code == 0, people.Output);
        var consent = await Bt("privacy", "consent", caseId, "moeder", "--for", "terugkijken", "--for", "supervisie", "--means", "mondeling");
        Assert.True(consent.Code == 0, consent.Output);
        // The foster father holds authority here (gezag), so the child of 4–6 still lacks his consent.
        using (var api = stack.Api())
        {
            var privacy = await PipelineFixture.SucceedsAsync(api.GetAsync($"cases/{caseId}/privacy"));
            var child = privacy["people"]!.AsArray().Single(p => (string)p!["id"]! == "kind")!;
            Assert.Equal(["moeder", "pleegvader"], child["consentFrom"]!.AsArray().Select(x => (string)x!));
            Assert.Empty(child["covered"]!.AsArray());
        }
        var status = await Bt("privacy", "status", caseId);
        Assert.True(status.Code == 0, status.Output);
        Assert.Contains("pleegvader", status.Output);
        Assert.True((await Bt("privacy", "consent", caseId, "pleegvader", "--for", "terugkijken")).Code == 0);
        var upload = await Bt("upload", stack.Recording, "--case", caseId, "--session", "s-1");
        Assert.True(upload.Code == 0, upload.Output);
        var push = await Bt("manifest", "push", csv, "--case", caseId, "--session", "s-1", "--recording", "recording.mp4", "--on", "moeder,kind", "--next-session", "2031-12-01 10:00");
        Assert.True(push.Code == 0, push.Output);
        var watch = await Bt("status", caseId, "s-1", "--watch");
        Assert.True(watch.Code == 0, watch.Output);
        Assert.Contains("ready", watch.Output);
        await stack.WaitForReviewRowAsync(caseId, "s-1", (string)(await stack.StatusAsync(caseId, "s-1"))!["planId"]!);
        var queue = (await Bt("review")).Output;
        Assert.Contains(caseId, queue);
        Assert.Contains("2031-12-01 10:00", queue);
        var eaf = Path.Combine(stack.Folder, $"{caseId}.eaf");
        var export = await Bt("manifest", "export", "--case", caseId, "--session", "s-1", "--to", "elan", "--out", eaf);
        Assert.True(export.Code == 0, export.Output);
        Assert.Equal(["benoemen", "spiegelen"], BasicTrust.Highlights.Import.ElanTags.Read(await File.ReadAllTextAsync(eaf)).Select(t => t.Label));

        var folder = Path.Combine(stack.Folder, caseId);
        var fetch = await Bt("fetch", caseId, "s-1", "--out", folder);
        Assert.True(fetch.Code == 0, fetch.Output);
        Assert.True(new FileInfo(Path.Combine(folder, "reel.mp4")).Length > 1000);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(folder, "clips")).Length);
        Assert.Contains("Jij bent boos", await File.ReadAllTextAsync(Path.Combine(folder, "reel.vtt")));

        var clip = Path.GetFileNameWithoutExtension(Directory.GetFiles(Path.Combine(folder, "clips"), "*.mp4").Order().First());
        var comment = await Bt("comment", caseId, "s-1", clip, "Kijk samen naar de pauze hier.");
        Assert.True(comment.Code == 0 && comment.Output.Contains("1 comment", StringComparison.Ordinal), comment.Output);
        var pinned = await Bt("comment", caseId, "s-1", clip, "Hier kijkt het kind op.", "--at", "0.5");
        Assert.True(pinned.Code == 0 && pinned.Output.Contains("Round 1 of the review has 2 comment(s)", StringComparison.Ordinal), pinned.Output);
        Assert.Equal(0, (await Bt("send-back", caseId, "s-1")).Code);
        Assert.Equal(0, (await Bt("reviewed", caseId, "s-1")).Code); // idempotent after a verdict
        // Sent back, it waits for the therapist: still listed, as theirs.
        var row = (await Bt("review")).Output.Split('\n').Single(line => line.Contains(caseId, StringComparison.Ordinal));
        Assert.Contains("therapist", row);
        Assert.Equal(2, (await Bt("purge", caseId)).Code);
        var refused = await Bt("purge", caseId, "--yes");
        Assert.True(refused.Code == 1 && refused.Output.Contains("may not", StringComparison.Ordinal), refused.Output);
        var purge = await BtAs(People.PrivacyOfficer, "purge", caseId, "--yes");
        Assert.True(purge.Output.Contains("Purged", StringComparison.Ordinal), purge.Output + "\n" + stack.LogTail);
        var again = await BtAs(People.PrivacyOfficer, "purge", caseId, "--yes");
        Assert.True(again.Code == 0 && again.Output.Contains("already purged", StringComparison.Ordinal), again.Output);
    }

    [Fact]
    public async Task Upload_Interrupted_ContinuesFromTheBlocksAlreadySent()
    {
        var caseId = $"cli-{Guid.NewGuid():N}"[..20];
        var file = new FileInfo(Path.Combine(stack.Folder, $"{caseId}.mp4"));
        var data = System.Security.Cryptography.RandomNumberGenerator.GetBytes(20 * 1024 * 1024); // three 8 MiB blocks
        await File.WriteAllBytesAsync(file.FullName, data);
        file.Refresh();
        var journal = SessionCommands.Journal(caseId, "s-1", file);
        await stack.CreateCaseAsync(caseId);

        // A first run that dies after the first block, through a link from the API as bt gets it.
        using (var api = stack.Api())
        {
            var link = (string)(await (await api.PostAsJsonAsync($"sessions/{caseId}/s-1/upload", new { fileName = file.Name, size = file.Length })).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>())!["uploadUrl"]!;
            var interrupted = new ResumableUpload(new BlockBlobClient(new Uri(link)), new ResumableUploadOptions { JournalPath = journal });
            await Assert.ThrowsAsync<IOException>(() => interrupted.UploadAsync(new FailingStream(data, 9 * 1024 * 1024)));
        }
        Assert.Single(File.ReadAllLines(journal));
        // What a browser resuming the upload asks: storage holds one staged block, nothing committed.
        using (var api = stack.Api())
        {
            var held = JsonNode.Parse(await api.GetStringAsync($"sessions/{caseId}/s-1/upload?fileName={file.Name}"))!;
            Assert.False((bool)held["committed"]!);
            Assert.Equal(8 * 1024 * 1024, (long)Assert.Single(held["blocks"]!.AsArray())!["size"]!);
        }

        var upload = await Bt("upload", file.FullName, "--case", caseId, "--session", "s-1");

        Assert.True(upload.Code == 0, upload.Output);
        using (var api = stack.Api())
        {
            var held = JsonNode.Parse(await api.GetStringAsync($"sessions/{caseId}/s-1/upload?fileName={file.Name}"))!;
            Assert.Equal((true, data.Length), ((bool)held["committed"]!, (int)held["size"]!));
            Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"sessions/{caseId}/s-1/upload?fileName=../x.mp4")).StatusCode);
        }
        Assert.False(File.Exists(journal));
        Assert.Equal(data, (await stack.Blobs.GetBlobContainerClient("recordings").GetBlobClient($"{caseId}/s-1/{file.Name}").DownloadContentAsync()).Value.Content.ToArray());
    }

    /// <summary>A file read that fails part-way, like a laptop closing mid-upload.</summary>
    sealed class FailingStream(byte[] data, int failAfter) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position >= failAfter ? throw new IOException("connection lost") : base.Read(buffer, offset, (int)Math.Min(count, failAfter - Position));
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var array = new byte[buffer.Length];
            var n = Read(array, 0, array.Length);
            array.AsSpan(0, n).CopyTo(buffer.Span);
            return ValueTask.FromResult(n);
        }
    }

    [Fact]
    public async Task ManifestWithProblems_ShowsThemAsATableAndFails()
    {
        var csv = Path.Combine(stack.Folder, "bad.csv");
        await File.WriteAllTextAsync(csv, "start,end,label\n2,4,benomen\n");
        await stack.CreateCaseAsync("cli-bad");
        var (code, output) = await Bt("manifest", "push", csv, "--case", "cli-bad", "--session", "s-1", "--recording", "recording.mp4");
        Assert.Equal(1, code);
        Assert.Contains("tags[0].label", output);
        Assert.Contains("benoemen", output);
    }

    [Fact]
    public async Task PlanWarnings_ReachTheStatus_ReelJson_TheReelsAnswerInTheReadersLanguage_AndBtStatus()
    {
        var caseId = $"cli-warn-{Guid.NewGuid():N}"[..20];
        var manifest = JsonNode.Parse(PipelineFixture.Manifest(caseId, "s-1",
            (1, 2, "benoemen"), (4, 5, "signaal-gemist"), (7, 8, "storend-gedrag"), (10, 11, "verwarringscheppend-gedrag")))!.AsObject();
        // A child of 12 to 15: Basic Trust is recognised up to and including 12.
        manifest["people"] = new JsonArray(new JsonObject { ["id"] = "moeder", ["role"] = "moeder" }, new JsonObject { ["id"] = "kind", ["role"] = "kind", ["ageBand"] = "12-15" });
        await stack.UploadAsync(caseId, "s-1", manifest.ToJsonString(), stack.Recording);
        var status = await stack.WaitForStateAsync(caseId, "s-1", "ready");
        string[] rules = ["target-group", "small-steps", "small-steps", "strengths-led"];
        Assert.Equal(rules.Order(), status["warnings"]!.AsArray().Select(w => (string)w!["rule"]!).Order());

        var reelJson = JsonNode.Parse((await stack.Blobs.GetBlobContainerClient("reels").GetBlobClient($"{caseId}/s-1/{(string)status["planId"]!}/reel.json")
            .DownloadContentAsync()).Value.Content.ToString())!;
        Assert.Equal(rules.Order(), reelJson["warnings"]!.AsArray().Select(w => (string)w!["rule"]!).Order());
        using var api = stack.Api();
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");
        var answer = (await api.GetFromJsonAsync<JsonObject>($"reels/{caseId}/s-1"))!;
        Assert.Contains(answer["reel"]!["warnings"]!.AsArray(), w => ((string)w!["message"]!).StartsWith("Kleine stappen: deze montage laat 3 leermomenten zien", StringComparison.Ordinal));

        var printed = await Bt("status", caseId, "s-1");
        Assert.True(printed.Code == 0, printed.Output);
        Assert.Contains("warning people[1].ageBand: Basic Trustmethode is recognised for children of 2 to 12 years", printed.Output);
        Assert.Contains("warning tags: Small steps: this reel shows 3 learning moments", printed.Output);
    }

    [Fact]
    public async Task Conversation_TheTherapistSetsIt_TheReviewerReadsIt()
    {
        var caseId = await stack.ReadySharedCaseAsync("cli-conv", (2, 4, "benoemen"), (7, 9, "spiegelen"));
        using (var api = stack.Api())
        {
            var clips = JsonNode.Parse(await api.GetStringAsync($"reels/{caseId}/s-1"))!["reel"]!["clips"]!.AsArray().Select(c => (string)c!["clipId"]!).ToList();
            var none = await Bt("conversation", caseId, "s-1");
            Assert.True(none.Code == 0 && none.Output.Contains("No terugkijkgesprek recorded yet", StringComparison.Ordinal), none.Output);

            var set = await Bt("conversation", caseId, "s-1", "--practice", "Benoemen wat hij voelt", "--saw", $"{clips[0]}=Dat hij keek", "--saw", $"{clips[1]}=Dat zij lachte");
            Assert.True(set.Code == 0, set.Output);
            Assert.Contains("Dat zij lachte", set.Output);
            Assert.Contains("Practice point for next time: Benoemen wat hij voelt", set.Output);
            // One clip's text removed; the rest stays as it was.
            var cleared = await Bt("conversation", caseId, "s-1", "--saw", $"{clips[1]}=");
            Assert.True(cleared.Code == 0 && !cleared.Output.Contains("Dat zij lachte", StringComparison.Ordinal) && cleared.Output.Contains("Dat hij keek", StringComparison.Ordinal), cleared.Output);
            Assert.Contains("Benoemen wat hij voelt", cleared.Output);

            var unnamed = await Bt("conversation", caseId, "s-1", "--saw", "Dat hij keek");
            Assert.True(unnamed.Code == 1 && unnamed.Output.Contains("CLIP=TEXT", StringComparison.Ordinal), unnamed.Output);
            var unknown = await Bt("conversation", caseId, "s-1", "--saw", "nope-01=x");
            Assert.True(unknown.Code == 1 && unknown.Output.Contains("clips[1].clipId", StringComparison.Ordinal), unknown.Output);
        }

        var read = await BtAs(People.Reviewer, "conversation", caseId, "s-1");
        Assert.True(read.Code == 0 && read.Output.Contains("Dat hij keek", StringComparison.Ordinal), read.Output);
        var refused = await BtAs(People.Reviewer, "conversation", caseId, "s-1", "--practice", "x");
        Assert.True(refused.Code == 1 && refused.Output.Contains("may not", StringComparison.Ordinal), refused.Output);
        var next = await Bt("conversation", caseId, "s-2");
        Assert.True(next.Code == 0 && next.Output.Contains("Practice point from last time (s-1): Benoemen wat hij voelt", StringComparison.Ordinal), next.Output);
    }

    [Fact]
    public async Task UnreachableApi_SaysSo()
    {
        var (code, output) = await Bt("status", "a", "b", "--api", "http://127.0.0.1:9/api/", "--token", "any");
        Assert.Equal(1, code);
        Assert.Contains("Cannot reach the API", output);
    }

    [Fact]
    public async Task Login_WithADevelopmentToken_ThenCallsAsThatPerson()
    {
        var config = Path.Combine(stack.Folder, $"config-{Guid.NewGuid():N}");
        var caseId = $"cli-{Guid.NewGuid():N}"[..20];
        await stack.CreateCaseAsync(caseId);
        string[] signedIn = ["--config-dir", config, "--api", stack.Host.ApiBaseAddress!.ToString()];

        Assert.Contains("Not signed in", (await Bt(["cases", .. signedIn])).Output);
        var login = await Bt(["login", "--dev-token", stack.Host.DevelopmentToken(People.TherapistA), .. signedIn]);
        Assert.True(login.Code == 0, login.Output);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(config, "signin.json")));
        var cases = await Bt(["cases", .. signedIn]);
        Assert.True(cases.Code == 0 && cases.Output.Contains(caseId, StringComparison.Ordinal), cases.Output);

        Assert.Equal(0, (await Bt(["logout", .. signedIn])).Code);
        Assert.Contains("Not signed in", (await Bt(["cases", .. signedIn])).Output);
    }

    [Fact]
    public async Task Login_WithEntraId_NamesWhatIsMissing()
    {
        var (code, output) = await Bt("login", "--config-dir", Path.Combine(stack.Folder, "config-entra"), "--tenant", "", "--client-id", "", "--scope", "");
        Assert.Equal(1, code);
        Assert.Contains("--tenant, --client-id, --scope", output);
    }

    Task<(int Code, string Output)> Bt(params string[] args) => BtAs(People.TherapistA, args);

    async Task<(int Code, string Output)> BtAs(BasicTrust.DevHost.Http.DevelopmentUser person, params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 200;
        string[] all = args.Contains("--api") ? args : [.. args, "--api", stack.Host.ApiBaseAddress!.ToString(), "--token", stack.Host.DevelopmentToken(person)];
        var code = await Cli.Commands.Bt.RunAsync(all, console, CancellationToken.None);
        return (code, writer.ToString());
    }
}
