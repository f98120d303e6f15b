namespace BasicTrust.Cli.Tests;

public class PlanCommandTests
{
    static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "../../../../../samples/session.json");

    static (int Code, string Output) Run(string manifest, string? duration)
    {
        var output = new StringWriter();
        return (PlanCommand.Run(manifest, duration, output), output.ToString());
    }

    [Fact]
    public void Plan_Sample_PrintsEveryClipEndingOnAStrength()
    {
        var (code, output) = Run(Sample, "180");
        Assert.Equal(0, code);
        Assert.Contains("5 clip(s)", output);
        var rows = output.Split('\n').Where(l => l.StartsWith("  ") && !l.Contains("labels")).ToList();
        Assert.Equal(5, rows.Count);
        Assert.Contains("strength", rows[^1]);
    }

    [Fact]
    public void Plan_InvalidManifest_ListsProblemsAndFails()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, File.ReadAllText(Sample).Replace("\"benoemen\"", "\"benomen\"").Replace("fam-0042", "Jansen"));
        try
        {
            var (code, output) = Run(path, "180");
            Assert.Equal(1, code);
            Assert.Contains("error: caseId:", output);
            Assert.Contains("did you mean 'benoemen'?", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Plan_RecordingShorterThanTheTags_SaysWhichTagIsOutside()
    {
        var (code, output) = Run(Sample, "100");
        Assert.Equal(1, code);
        Assert.Contains("error: tags[3].start: Tag 't4' starts at 02:05.000, but the recording is only 01:40.000 long.", output);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-3")]
    public void Plan_BadDuration_IsRefused(string duration) => Assert.Equal(2, Run(Sample, duration).Code);

    [Fact]
    public void Plan_MissingFile_IsRefused() => Assert.Equal(2, Run("/nonexistent/session.json", null).Code);
}
