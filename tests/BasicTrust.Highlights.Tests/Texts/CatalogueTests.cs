using System.Text.RegularExpressions;
using BasicTrust.Highlights.Texts;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Tests.Texts;

/// <summary>
/// Every sentence the app says is in the catalogue (web/i18n/nl.json and en.json) in both languages, and is rendered
/// from it in the language asked for.
/// </summary>
public partial class CatalogueTests
{
    /// <summary>
    /// The text keys the code names: every string literal in src/ that starts like a catalogue key (problems, the
    /// API's titles and details, preview reasons), the audit log's actions (the privacy page says them) and the methods.
    /// </summary>
    static IReadOnlyList<(string Where, string Key)> KeysTheCodeUses()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(Repository.Root, f), Text: File.ReadAllText(f))).ToList();
        var literal = sources.SelectMany(s => KeyLiteral().Matches(s.Text).Select(m => (s.File, m.Groups[1].Value)))
            .Where(k => !FileName().IsMatch(k.Value)); // preview.mp4 is a blob, not a text
        var audited = sources.SelectMany(s => AuditCall().Matches(s.Text).SelectMany(m => ActionLiteral().Matches(m.Value))
            .Select(a => a.Groups[1].Value).Where(a => a is not ("pipeline" or "anonymous" or "mail")).Select(a => (s.File, $"audit.{a}")));
        var methods = Vocabularies.ByMethod.Keys.Select(m => ("Vocabularies.ByMethod", $"method.{m}"));
        return [.. literal.Concat(audited).Concat(methods).Distinct()];
    }

    [Fact]
    public void EveryKeyTheCodeUses_HasATextInDutchAndEnglish()
    {
        var used = KeysTheCodeUses();
        // The scan itself is checked: it finds keys of every kind, or this test would pass on nothing.
        Assert.True(used.Count > 150, $"only {used.Count} keys found");
        Assert.Contains(used, u => u.Key == "problem.required.tags");
        Assert.Contains(used, u => u.Key == "api.purged.detail");
        Assert.Contains(used, u => u.Key == "preview.codec");
        Assert.Contains(used, u => u.Key == "audit.purge-case");
        Assert.Contains(used, u => u.Key == "audit.unshare");
        Assert.Contains(used, u => u.Key == "method.custom");
        var missing = used.SelectMany(u => Catalogue.Languages.Where(l => Catalogue.Text(l, u.Key) is null).Select(l => $"{u.Where}: {u.Key} has no text in {l}")).ToList();
        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Fact]
    public void EveryPlaceholderOfAText_IsInBothLanguages()
    {
        // A Dutch text that drops or misspells {caseId} would show the wrong sentence, not fail.
        var keys = KeysTheCodeUses().Select(u => u.Key).Distinct().Where(k => Catalogue.Text("en", k) is not null && Catalogue.Text("nl", k) is not null);
        var differing = keys.Where(k => !Placeholders(Catalogue.Text("en", k)!).SetEquals(Placeholders(Catalogue.Text("nl", k)!))).ToList();
        Assert.True(differing.Count == 0, string.Join('\n', differing));
    }

    [Fact]
    public void Render_FillsThePlaceholders_InTheLanguageAsked()
    {
        var args = new Dictionary<string, string> { ["caseId"] = "fam-0042" };
        Assert.Equal("Case fam-0042 was purged (consent withdrawn); its id is retired. Use a new case id.", Catalogue.Render("en", "api.purged.detail", args));
        Assert.StartsWith("Cliënt fam-0042 is verwijderd", Catalogue.Render("nl", "api.purged.detail", args));
    }

    [Fact]
    public void Render_OtherLanguage_IsEnglish_AndAnUnknownKeyIsSeen()
    {
        Assert.Equal("Not found.", Catalogue.Render("fr", "api.not-found.title"));
        Assert.Equal("problem.no-such-rule", Catalogue.Render("nl", "problem.no-such-rule"));
        Assert.Equal("{path} is required.", Catalogue.Render("en", "problem.required"));
    }

    [Fact]
    public void Sentence_IsEnglishAsText_AndEqualByKeyAndValues()
    {
        var sentence = Sentence.Of("problem.required", ("path", "tags[0].start"));
        Assert.Equal("tags[0].start is required.", sentence.ToString());
        Assert.Equal("tags[0].start is verplicht.", sentence.In("nl"));
        Assert.Equal(sentence, Sentence.Of("problem.required", ("path", "tags[0].start")));
        Assert.NotEqual(sentence, Sentence.Of("problem.required", ("path", "tags[1].start")));
    }

    static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"""((?:problem|api|preview|audit|method|error)\.[a-z0-9][a-z0-9.-]*)""")]
    private static partial Regex KeyLiteral();

    /// <summary>A call that writes to the audit log: its action is a literal (or two, by a condition).</summary>
    [GeneratedRegex("""(?:audit\.WriteAsync\(|new AuditEntry\()[^;]*""")]
    private static partial Regex AuditCall();

    [GeneratedRegex(@"""([a-z]+(?:-[a-z]+)*)""")]
    private static partial Regex ActionLiteral();

    [GeneratedRegex(@"\.(mp4|json|txt|vtt|jpg)$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();
}
