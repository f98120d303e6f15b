using System.Text.Json.Nodes;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Highlights.Tests.Manifest;

public class EmphasisManifestTests
{
    static ManifestReadResult Read(params (string Field, JsonNode? Value)[] fields)
    {
        var tag = Manifests.Tag(10, 20, "benoemen", "t1");
        foreach (var (field, value) in fields) tag[field] = value;
        return Manifests.Read(n => n["tags"] = new JsonArray(tag));
    }

    [Theory]
    [InlineData("freeze", EmphasisKind.Freeze, 2)]
    [InlineData("slow", EmphasisKind.Slow, 1)]
    public void Emphasis_WithoutSeconds_GetsItsKindsDefault(string name, EmphasisKind kind, double seconds)
    {
        var result = Read(("emphasis", name));
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(new Emphasis(kind, TimeSpan.FromSeconds(seconds)), result.Manifest!.Tags[0].Emphasis);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void NoEmphasis_IsNone() => Assert.Null(Read().Manifest!.Tags[0].Emphasis);

    [Theory]
    [InlineData("freeze", 0.5)]
    [InlineData("freeze", 5)]
    [InlineData("slow", 3)]
    public void EmphasisSeconds_AtTheEdgesOfItsRange_IsKept(string name, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Read(("emphasis", name), ("emphasisSeconds", seconds)).Manifest!.Tags[0].Emphasis!.Length);

    [Theory]
    [InlineData("freeze", 0.4, "0.5", "5")]
    [InlineData("freeze", 5.5, "0.5", "5")]
    [InlineData("slow", 4, "0.5", "3")]
    public void EmphasisSeconds_OutsideItsKindsRange_IsAnErrorNamingFieldAndRange(string name, double seconds, string min, string max)
    {
        var result = Read(("emphasis", name), ("emphasisSeconds", seconds));

        var error = Assert.Single(result.Problems, p => p.Severity == Severity.Error);
        Assert.Equal(("tags[0].emphasisSeconds", "range"), (error.Path, error.Rule));
        Assert.Equal((name, min, max), (error.Text.Args["emphasis"], error.Text.Args["min"], error.Text.Args["max"]));
        Assert.Contains($"from {min} to {max}", error.Message);
    }

    [Fact]
    public void EmphasisSeconds_NotANumber_IsAnError()
    {
        var error = Assert.Single(Read(("emphasis", "slow"), ("emphasisSeconds", "1")).Problems);
        Assert.Equal((Severity.Error, "tags[0].emphasisSeconds", "range"), (error.Severity, error.Path, error.Rule));
    }

    [Fact]
    public void UnknownEmphasis_IsAnErrorListingTheKinds()
    {
        var error = Assert.Single(Read(("emphasis", "zoom")).Problems);
        Assert.Equal((Severity.Error, "tags[0].emphasis", "one-of"), (error.Severity, error.Path, error.Rule));
        Assert.Equal("freeze, slow", error.Text.Args["allowed"]);
    }

    [Fact]
    public void EmphasisSeconds_WithoutAnEmphasis_WarnsAndEmphasisesNothing()
    {
        var result = Read(("emphasisSeconds", 2));
        var warning = Assert.Single(result.Problems);
        Assert.Equal((Severity.Warning, "tags[0].emphasisSeconds", "needs-emphasis"), (warning.Severity, warning.Path, warning.Rule));
        Assert.Null(result.Manifest!.Tags[0].Emphasis);
    }

    [Theory]
    [InlineData("select", false)]
    [InlineData("concern", true)]
    public void Emphasis_OnATagTheReelDoesNotShow_WarnsAndIsDropped(string field, bool value)
    {
        var result = Read(("emphasis", "freeze"), (field, value));
        var warning = Assert.Single(result.Problems);
        Assert.Equal((Severity.Warning, "tags[0].emphasis", "shown"), (warning.Severity, warning.Path, warning.Rule));
        Assert.Null(result.Manifest!.Tags[0].Emphasis);
    }
}
