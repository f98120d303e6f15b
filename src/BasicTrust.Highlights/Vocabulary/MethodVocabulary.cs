using System.Text.RegularExpressions;

namespace BasicTrust.Highlights.Vocabulary;

/// <summary>A method's label set. <c>custom</c> accepts any well-formed label but requires a valence.</summary>
public sealed partial class MethodVocabulary
{
    readonly Dictionary<string, Label> _labels;

    internal MethodVocabulary(string method, string name, IEnumerable<Label> labels, bool isCustom = false)
    {
        Method = method;
        Name = name;
        IsCustom = isCustom;
        _labels = labels.ToDictionary(l => l.Code, StringComparer.Ordinal);
    }

    /// <summary>The manifest's <c>method</c> value.</summary>
    public string Method { get; }
    /// <summary>The method's name for people.</summary>
    public string Name { get; }
    /// <summary>True for <c>custom</c>: labels are free, valence must be given.</summary>
    public bool IsCustom { get; }
    /// <summary>The built-in labels (empty for custom).</summary>
    public IReadOnlyCollection<Label> Labels => _labels.Values;

    /// <summary>The label for a code, or null when this vocabulary does not have it.</summary>
    public Label? Find(string code) =>
        _labels.TryGetValue(code, out var label) ? label
        : IsCustom && CustomLabel().IsMatch(code) ? new Label(code, code, code, Valence.Strength, "custom label")
        : null;

    /// <summary>The rule custom labels follow.</summary>
    public const string CustomLabelRule = "^[a-z0-9][a-z0-9-]{0,40}$";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,40}\z")]
    private static partial Regex CustomLabel();
}
