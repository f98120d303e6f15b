using BasicTrust.Cli.Commands;
using Spectre.Console;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>`bt` against the local stack: the DevHost's HTTP API, the real handler, Azurite and FFmpeg.</summary>
[Collection("pipeline")]
public class CliTests(PipelineFixture stack)
{
    [Fact]
    public async Task TherapistAndReviewer_UploadPushCsvWatchReviewFetchReviewedPurge()
    {
        var caseId = $"cli-{Guid.NewGuid():N}"[..20];
        var csv = Path.Combine(stack.Folder, $"{caseId}.csv");
        await File.WriteAllTextAsync(csv, "start,end,label,valence,note,caption\n2,4,benoemen,,,Jij bent boos\n9,10.5,spiegelen,,,\n");

        var upload = await Bt("upload", stack.Recording, "--case", caseId, "--session", "s-1");
        Assert.True(upload.Code == 0, upload.Output);
        var push = await Bt("manifest", "push", csv, "--case", caseId, "--session", "s-1", "--recording", "recording.mp4");
        Assert.True(push.Code == 0, push.Output);
        var watch = await Bt("status", caseId, "s-1", "--watch");
        Assert.True(watch.Code == 0, watch.Output);
        Assert.Contains("ready", watch.Output);
        Assert.Contains(caseId, (await Bt("review")).Output);

        var folder = Path.Combine(stack.Folder, caseId);
        var fetch = await Bt("fetch", caseId, "s-1", "--out", folder);
        Assert.True(fetch.Code == 0, fetch.Output);
        Assert.True(new FileInfo(Path.Combine(folder, "reel.mp4")).Length > 1000);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(folder, "clips")).Length);
        Assert.Contains("Jij bent boos", await File.ReadAllTextAsync(Path.Combine(folder, "reel.vtt")));

        Assert.Equal(0, (await Bt("reviewed", caseId, "s-1")).Code);
        Assert.DoesNotContain(caseId, (await Bt("review")).Output);
        Assert.Equal(2, (await Bt("purge", caseId)).Code);
        Assert.Contains("Purged", (await Bt("purge", caseId, "--yes")).Output);
    }

    [Fact]
    public async Task ManifestWithProblems_ShowsThemAsATableAndFails()
    {
        var csv = Path.Combine(stack.Folder, "bad.csv");
        await File.WriteAllTextAsync(csv, "start,end,label\n2,4,benomen\n");
        var (code, output) = await Bt("manifest", "push", csv, "--case", "cli-bad", "--session", "s-1", "--recording", "recording.mp4");
        Assert.Equal(1, code);
        Assert.Contains("tags[0].label", output);
        Assert.Contains("benoemen", output);
    }

    [Fact]
    public async Task UnreachableApi_SaysSo()
    {
        var (code, output) = await Bt("status", "a", "b", "--api", "http://127.0.0.1:9/api/");
        Assert.Equal(1, code);
        Assert.Contains("Cannot reach the API", output);
    }

    async Task<(int Code, string Output)> Bt(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 200;
        string[] all = args.Contains("--api") ? args : [.. args, "--api", stack.Host.ApiBaseAddress!.ToString(), "--key", stack.FunctionKey];
        var code = await Cli.Commands.Bt.RunAsync(all, console, CancellationToken.None);
        return (code, writer.ToString());
    }
}
