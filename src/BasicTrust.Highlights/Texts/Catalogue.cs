using System.Text.Json;
using System.Text.RegularExpressions;

namespace BasicTrust.Highlights.Texts;

/// <summary>
/// Every text in Dutch and English: the web app's own <c>web/i18n/nl.json</c> and <c>en.json</c>, embedded in this
/// assembly, so the pages and the API say the same sentence from one source. A text's <c>{name}</c> placeholders are
/// filled from a <see cref="Sentence"/>'s values, as the pages' <c>t()</c> fills them.
/// </summary>
public static partial class Catalogue
{
    /// <summary>The languages there are texts for.</summary>
    public static readonly IReadOnlyList<string> Languages = ["nl", "en"];

    /// <summary>The language when none is asked for.</summary>
    public const string DefaultLanguage = "en";

    static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Texts =
        Languages.ToDictionary(l => l, Load, StringComparer.Ordinal);

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>, or null when that catalogue lacks it.</summary>
    public static string? Text(string language, string key) => Texts.GetValueOrDefault(language)?.GetValueOrDefault(key);

    /// <summary>
    /// The text of <paramref name="key"/> in <paramref name="language"/> (English when the language is not one of
    /// <see cref="Languages"/> or lacks the key; the key itself when English lacks it too, so a gap is seen), with its
    /// placeholders filled in. A placeholder without a value stays as it is.
    /// </summary>
    public static string Render(string language, string key, IReadOnlyDictionary<string, string>? args = null)
    {
        var text = Text(language, key) ?? Text(DefaultLanguage, key) ?? key;
        return args is null or { Count: 0 } ? text : Placeholder().Replace(text, m => args.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
    }

    static IReadOnlyDictionary<string, string> Load(string language)
    {
        using var stream = typeof(Catalogue).Assembly.GetManifestResourceStream($"i18n.{language}.json")
            ?? throw new InvalidOperationException($"The texts i18n/{language}.json are not embedded in {typeof(Catalogue).Assembly.GetName().Name}.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
