using System.Text.RegularExpressions;
using BasicTrust.DevHost.App;

namespace BasicTrust.DevHost.Triggers.Blob;

/// <summary>
/// A blob trigger path such as <c>recordings/{caseId}/{sessionId}/session.json</c>: the container, the literal
/// prefix to list by, and the tokens a matching blob name yields. Like the host, a token may span slashes,
/// so the function must validate what it receives.
/// </summary>
public sealed record BlobPathPattern(string Container, string Prefix, Regex Pattern)
{
    public static BlobPathPattern Parse(string path)
    {
        var slash = path.IndexOf('/');
        if (slash <= 0) throw new InvalidDataException($"Blob trigger path '{path}' must be 'container/pattern'.");
        var (container, pattern) = (path[..slash], path[(slash + 1)..]);
        var brace = pattern.IndexOf('{');
        var regex = "^" + PathTemplate.Pattern(pattern, token => $"(?<{token.Name}>.+?)") + @"\z";
        return new BlobPathPattern(container, brace < 0 ? pattern : pattern[..brace], new Regex(regex, RegexOptions.CultureInvariant));
    }

    /// <summary>The tokens of a matching blob name, or null when it does not match.</summary>
    public IReadOnlyDictionary<string, string>? Match(string blobName)
    {
        var match = Pattern.Match(blobName);
        if (!match.Success) return null;
        return Pattern.GetGroupNames().Where(g => !int.TryParse(g, out _)).ToDictionary(g => g, g => match.Groups[g].Value);
    }
}
