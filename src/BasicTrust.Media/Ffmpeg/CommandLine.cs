using System.Text.RegularExpressions;

namespace BasicTrust.Media.Ffmpeg;

/// <summary>
/// Renders argv as one shell-pasteable line for messages and logs, with URL query strings (where SAS signatures
/// live) and metadata values (tag titles and notes about a family) redacted.
/// </summary>
public static partial class CommandLine
{
    /// <summary><c>ffmpeg -i 'http://host/a.mp4?REDACTED' -metadata title=REDACTED out.mp4</c>.</summary>
    public static string Format(string program, IReadOnlyList<string> arguments) =>
        string.Join(' ', new[] { program }.Concat(arguments.Select((a, i) => i > 0 && arguments[i - 1].StartsWith("-metadata", StringComparison.Ordinal) ? MetadataKey(a) : a))
            .Select(a => Quote(Redact(a))));

    static string MetadataKey(string assignment) => assignment.Split('=', 2)[0] + "=REDACTED";

    /// <summary>Removes the query string of every http(s) URL in the text.</summary>
    public static string Redact(string text) => UrlQuery().Replace(text, "${url}?REDACTED");

    static string Quote(string argument) =>
        argument.Length > 0 && SafeArgument().IsMatch(argument) ? argument : "'" + argument.Replace("'", "'\\''") + "'";

    [GeneratedRegex(@"(?<url>https?://[^\s?'""]+)\?[^\s'""]*", RegexOptions.IgnoreCase)]
    private static partial Regex UrlQuery();

    [GeneratedRegex(@"^[A-Za-z0-9_./:=+,@%-]+$")]
    private static partial Regex SafeArgument();
}
