using System.Globalization;

namespace BasicTrust.Highlights.Texts;

/// <summary>
/// A sentence in no language yet: a key of the <see cref="Catalogue"/> and the values of its <c>{placeholders}</c>
/// (ids, codes, numbers and times, never words of a language), so the reader's language is chosen where it is shown.
/// </summary>
public sealed record Sentence(string Key, IReadOnlyDictionary<string, string> Args)
{
    /// <summary>The sentence <paramref name="key"/> with these placeholder values (numbers written invariantly).</summary>
    public static Sentence Of(string key, params (string Name, object Value)[] args) =>
        new(key, args.ToDictionary(a => a.Name, a => Convert.ToString(a.Value, CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal));

    /// <summary>The sentence in <paramref name="language"/> (<c>nl</c> or <c>en</c>; anything else is English).</summary>
    public string In(string language) => Catalogue.Render(language, Key, Args);

    /// <summary>In English, the language of logs and of callers that ask for none.</summary>
    public override string ToString() => In(Catalogue.DefaultLanguage);

    public bool Equals(Sentence? other) =>
        other is not null && Key == other.Key && Args.Count == other.Args.Count
        && Args.All(a => other.Args.TryGetValue(a.Key, out var value) && value == a.Value);

    public override int GetHashCode() => HashCode.Combine(Key, Args.Count);
}
