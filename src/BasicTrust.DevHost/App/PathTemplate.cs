using System.Text;
using System.Text.RegularExpressions;

namespace BasicTrust.DevHost.App;

/// <summary>One <c>{token}</c> of a template: <c>{name}</c>, <c>{name:constraint}</c> or a catch-all <c>{*name}</c>.</summary>
public sealed record TemplateToken(string Name, bool CatchAll);

/// <summary>
/// Binding paths and routes with <c>{token}</c>s (<c>recordings/{caseId}/session.json</c>, <c>reels/{id:int}</c>,
/// <c>files/{*rest}</c>): matched against names, and filled in with values. Written once for blob triggers, output
/// paths and HTTP routes.
/// </summary>
public static partial class PathTemplate
{
    /// <summary>A regular expression source for the template: literal text escaped, each token as <paramref name="token"/> gives it.</summary>
    public static string Pattern(string template, Func<TemplateToken, string> token)
    {
        var pattern = new StringBuilder();
        var last = 0;
        foreach (Match match in Token().Matches(template))
        {
            pattern.Append(Regex.Escape(template[last..match.Index]))
                .Append(token(new TemplateToken(match.Groups[2].Value, match.Groups[1].Value.Length > 0)));
            last = match.Index + match.Length;
        }
        return pattern.Append(Regex.Escape(template[last..])).ToString();
    }

    /// <summary>The template with every token replaced by its value; a token without one is an error naming it.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Token().Replace(template, m => values.TryGetValue(m.Groups[2].Value, out var value)
            ? value : throw new InvalidOperationException($"Path {template}: no value for {{{m.Groups[2].Value}}}."));

    // {name}, {*name}, or {name:constraint} in routes (the constraint is not checked here).
    [GeneratedRegex(@"\{(\*{0,2})([A-Za-z0-9_]+)(?::[^}]*)?\}")]
    private static partial Regex Token();
}
