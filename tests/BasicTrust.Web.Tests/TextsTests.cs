using System.Text.Json.Nodes;

namespace BasicTrust.Web.Tests;

/// <summary>All text the pages show is in web/i18n/nl.json and en.json, the same keys in both (no browser needed).</summary>
public sealed class TextsTests
{
    static readonly string Web = Path.Combine(Repository.Root, "web");

    static HashSet<string> Keys(string language) =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(Web, "i18n", $"{language}.json")))!.AsObject().Select(p => p.Key)];

    [Fact]
    public void DutchAndEnglish_HaveTheSameKeys()
    {
        var nl = Keys("nl");
        var en = Keys("en");
        Assert.Empty(nl.Except(en));
        Assert.Empty(en.Except(nl));
    }

    [Fact]
    public void EveryKeyThePagesAskFor_IsThere()
    {
        var nl = Keys("nl");
        // t("key") and t(`prefix.${value}`) (and said(), for the API's sentences): a literal key must exist; a built one
        // needs its prefix in use.
        var asked = Directory.EnumerateFiles(Path.Combine(Web, "js"), "*.js", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), """\b(?:t|said)\((?:"([a-zA-Z0-9.-]+)"|`([a-zA-Z0-9.-]+)\$\{)""").Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value, Prefix: m.Groups[2].Value)))
            .ToList();
        Assert.NotEmpty(asked);
        Assert.Empty(asked.Where(a => a.Key != "" && !nl.Contains(a.Key)).Select(a => $"{a.File}: {a.Key}"));
        Assert.Empty(asked.Where(a => a.Prefix != "" && !nl.Any(k => k.StartsWith(a.Prefix, StringComparison.Ordinal))).Select(a => $"{a.File}: {a.Prefix}"));
    }

    [Fact]
    public void DutchTexts_HaveNoEnglishInThem()
    {
        // The same markers the browser tests read Dutch pages for: a text copied from en.json fails here first.
        var nl = JsonNode.Parse(File.ReadAllText(Path.Combine(Web, "i18n", "nl.json")))!.AsObject();
        var english = nl.Select(p => (p.Key, Text: (string)p.Value!)).Select(p => (p.Key, Markers: DutchText.EnglishIn(p.Text)))
            .Where(p => p.Markers.Count > 0).Select(p => $"{p.Key}: {string.Join(", ", p.Markers)}").ToList();
        Assert.True(english.Count == 0, string.Join('\n', english));
    }
}
