using BasicTrust.Cli.Commands;
using BasicTrust.Highlights.Import;
using Spectre.Console;

namespace BasicTrust.Cli.Tests;

/// <summary><c>bt manifest export</c> of a manifest on disk: no API needed.</summary>
public class ManifestExportTests
{
    static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "../../../../../samples/session.json");

    [Theory]
    [InlineData("elan")] [InlineData("boris")] [InlineData("csv")]
    public async Task Export_WritesAFileItsImportReadsBack(string format)
    {
        var folder = Directory.CreateTempSubdirectory("bt-export-").FullName;
        var path = Path.Combine(folder, "tags." + format);
        var (code, output) = await Bt("manifest", "export", Sample, "--to", format, "--out", path);
        Assert.True(code == 0, output);
        Assert.Contains("5 tag(s)", output);
        var text = await File.ReadAllTextAsync(path);
        var tags = format switch { "elan" => ElanTags.Read(text), "boris" => BorisTags.Read(text), _ => CsvTags.Read(text) };
        Assert.Equal(5, tags.Count);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Export_WithoutAManifestOrASession_SaysWhatItNeeds()
    {
        var (code, output) = await Bt("manifest", "export", "--to", "elan");
        Assert.Equal(1, code);
        Assert.Contains("--case and --session", output);
        Assert.Contains("--to must be", (await Bt("manifest", "export", Sample, "--to", "xlsx")).Output);
    }

    static async Task<(int Code, string Output)> Bt(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 200;
        var code = await BasicTrust.Cli.Commands.Bt.RunAsync(args, console, CancellationToken.None);
        return (code, writer.ToString());
    }
}
