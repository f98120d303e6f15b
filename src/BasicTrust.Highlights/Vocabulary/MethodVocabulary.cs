using System.Text.RegularExpressions;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Highlights.Vocabulary;

/// <summary>A method's label set. <c>custom</c> accepts any well-formed label but requires a valence.</summary>
public sealed partial class MethodVocabulary
{
    readonly Dictionary<string, Label> _labels;
    readonly Dictionary<string, LabelAlias> _aliases;

    internal MethodVocabulary(string method, string name, IEnumerable<Label> labels, IEnumerable<LabelAlias>? aliases = null, bool isCustom = false)
    {
        Method = method;
        Name = name;
        IsCustom = isCustom;
        _labels = labels.ToDictionary(l => l.Code, StringComparer.Ordinal);
        _aliases = (aliases ?? []).ToDictionary(a => a.OldCode, StringComparer.Ordinal);
        if (_aliases.Values.FirstOrDefault(a => !_labels.ContainsKey(a.NewCode) || _labels.ContainsKey(a.OldCode)) is { } broken)
            throw new ArgumentException($"Alias '{broken.OldCode}' must name a current label and not be one.", nameof(aliases));
    }

    /// <summary>The manifest's <c>method</c> value.</summary>
    public string Method { get; }
    /// <summary>The method's name for people.</summary>
    public string Name { get; }
    /// <summary>True for <c>custom</c>: labels are free, valence must be given.</summary>
    public bool IsCustom { get; }
    /// <summary>The built-in labels (empty for custom).</summary>
    public IReadOnlyCollection<Label> Labels => _labels.Values;

    /// <summary>The goals the method names for its course (a manifest goal may take one by its <c>code</c>); empty for custom.</summary>
    public IReadOnlyList<MethodGoal> Goals { get; init; } = [];

    /// <summary>The children the method is recognised for, or null when it names none (custom).</summary>
    public TargetAges? TargetAges { get; init; }

    /// <summary>How many learning moments, and kinds of them, a reel shows before it warns that steps are no longer small.</summary>
    public SmallSteps SmallSteps { get; init; } = SmallSteps.Default;

    /// <summary>The goal with this code, or null.</summary>
    public MethodGoal? Goal(string code) => Goals.FirstOrDefault(g => g.Code == code);

    /// <summary>Codes of earlier versions of this vocabulary, each pointing at its current label.</summary>
    public IReadOnlyCollection<LabelAlias> Aliases => _aliases.Values;

    /// <summary>The label for a current code, or null when this vocabulary does not have it (see <see cref="Alias"/>).</summary>
    public Label? Find(string code) =>
        _labels.TryGetValue(code, out var label) ? label
        : IsCustom && CustomLabel().IsMatch(code) ? new Label(code, code, code, Valence.Strength, "custom label", "custom")
        : null;

    /// <summary>The alias when <paramref name="code"/> is an old code of this vocabulary, else null.</summary>
    public LabelAlias? Alias(string code) => _aliases.GetValueOrDefault(code);

    /// <summary>
    /// The label a mistyped code, or Dutch or English name, most likely means ("did you mean …?"), or null when
    /// nothing is close. Shared by the manifest's validation and the editor's label picker.
    /// </summary>
    public Label? Suggest(string typed)
    {
        var names = Labels.SelectMany(l => new (string Text, Label Label)[] { (l.Code, l), (l.Dutch.ToLowerInvariant(), l), (l.English.ToLowerInvariant(), l) }).ToList();
        return Suggestions.Closest(typed.Trim().ToLowerInvariant(), names.Select(n => n.Text)) is { } closest
            ? names.First(n => n.Text == closest).Label
            : null;
    }

    /// <summary>The rule custom labels follow.</summary>
    public const string CustomLabelRule = "^[a-z0-9][a-z0-9-]{0,40}$";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,40}\z")]
    private static partial Regex CustomLabel();
}
