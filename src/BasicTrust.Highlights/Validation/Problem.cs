using BasicTrust.Highlights.Texts;

namespace BasicTrust.Highlights.Validation;

/// <summary>Errors block planning; warnings are shown but let it go ahead.</summary>
public enum Severity
{
    /// <summary>Blocks planning: nothing is cut.</summary>
    Error,
    /// <summary>Shown to the therapist; planning goes ahead.</summary>
    Warning,
}

/// <summary>
/// One thing wrong with a manifest or plan: where (a JSON path such as <c>tags[2].end</c>), which rule (a stable code
/// clients act on), and a sentence a therapist understands, in the catalogue's words (its key is the rule, with a
/// variant where one rule has several sentences: <c>problem.order.no-length</c>).
/// </summary>
public sealed record Problem(Severity Severity, string Path, string Rule, Sentence Text)
{
    /// <summary>An error at <paramref name="path"/>, said by the catalogue's <paramref name="key"/> with these values.</summary>
    public static Problem Error(string path, string rule, string key, params (string Name, object Value)[] args) =>
        new(Severity.Error, path, rule, Sentence.Of(key, args));

    /// <summary>An error at <paramref name="path"/> with a sentence made elsewhere (a recording's reason).</summary>
    public static Problem Error(string path, string rule, Sentence text) => new(Severity.Error, path, rule, text);

    /// <summary>A warning at <paramref name="path"/>, said by the catalogue's <paramref name="key"/> with these values.</summary>
    public static Problem Warning(string path, string rule, string key, params (string Name, object Value)[] args) =>
        new(Severity.Warning, path, rule, Sentence.Of(key, args));

    /// <summary>The sentence in English.</summary>
    public string Message => Text.ToString();

    /// <inheritdoc />
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Path} ({Rule}): {Message}";
}
