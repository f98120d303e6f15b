using BasicTrust.Highlights.Texts;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Contracts;

/// <summary>
/// One problem, naming the field (a JSON path or a request part), the rule it breaks and a plain sentence: in a
/// 4xx answer's <c>errors</c>, in <c>status.json</c>'s errors and warnings, and in a plan preview. <c>Key</c> and
/// <c>Args</c> say the sentence in the catalogue's terms (web/i18n), so a reader gets it in their language; the API
/// writes <c>Message</c> in the language the request asked for (English when stored). Problems stored before there
/// were keys have none and keep their English message.
/// </summary>
public sealed record FieldProblem(string Path, string Rule, string Message, string? Key = null, IReadOnlyDictionary<string, string>? Args = null)
{
    /// <summary>A problem at <paramref name="path"/> breaking <paramref name="rule"/>, said by <paramref name="text"/> (in English until <see cref="In"/>).</summary>
    public static FieldProblem Create(string path, string rule, Sentence text) => new(path, rule, text.ToString(), text.Key, text.Args);

    /// <summary>A problem at <paramref name="path"/> breaking <paramref name="rule"/>, said by the catalogue's <paramref name="key"/> with these values.</summary>
    public static FieldProblem Create(string path, string rule, string key, params (string Name, object Value)[] args) =>
        Create(path, rule, Sentence.Of(key, args));

    /// <summary>The domain's validation result as the contract says it (its severity is where it is listed).</summary>
    public static FieldProblem From(Problem problem) => Create(problem.Path, problem.Rule, problem.Text);

    /// <summary>The problems of one severity, said in <paramref name="language"/>.</summary>
    public static IReadOnlyList<FieldProblem> Of(IEnumerable<Problem> problems, Severity severity, string language = Catalogue.DefaultLanguage) =>
        [.. problems.Where(p => p.Severity == severity).Select(p => From(p).In(language))];

    /// <summary>The same problem with its message in <paramref name="language"/>; one without a key stays as it was.</summary>
    public FieldProblem In(string language) => Key is null ? this : this with { Message = Catalogue.Render(language, Key, Args) };
}
