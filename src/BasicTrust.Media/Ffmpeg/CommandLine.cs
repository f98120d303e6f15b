using System.Text.RegularExpressions;

namespace BasicTrust.Media.Ffmpeg;

/// <summary>
/// Makes what FFmpeg was given and what it said safe to log: URL query strings (where SAS signatures live) and
/// metadata values (titles and notes about a family) are redacted, and stderr is cut to a short tail.
/// </summary>
public static partial class CommandLine
{
    const int TailLines = 20;
    const int LineLength = 300;

    /// <summary><c>ffmpeg -i "http://host/a.mp4?REDACTED" -metadata "title=REDACTED" "out.mp4"</c>, from FFMpegCore's argument string.</summary>
    public static string Format(string program, string arguments) =>
        $"{program} {Metadata().Replace(Redact(arguments), "${option} \"${key}=REDACTED\"")}";

    /// <summary>Removes the query string of every http(s) URL in the text.</summary>
    public static string Redact(string text) => UrlQuery().Replace(text, "${url}?REDACTED");

    /// <summary>
    /// The last lines of stderr, each cut short, URL queries redacted, statistics lines dropped, and metadata listings
    /// (<c>    comment         : …</c>, printed at FFmpeg's default log level) reduced to their key.
    /// </summary>
    public static string Tail(IEnumerable<string> stderr) =>
        string.Join('\n', stderr
            .Where(line => line.Length > 0 && !line.StartsWith("frame=", StringComparison.Ordinal) && !line.StartsWith("size=", StringComparison.Ordinal))
            .TakeLast(TailLines)
            .Select(line => MetadataListing().Replace(Redact(line.Length > LineLength ? line[..LineLength] + "…" : line), "${key}: REDACTED")));

    [GeneratedRegex(@"(?<url>https?://[^\s?'""]+)\?[^\s'""]*", RegexOptions.IgnoreCase)]
    private static partial Regex UrlQuery();

    [GeneratedRegex(@"(?<option>-metadata\S*) ""(?<key>[^=""]*)=[^""]*""")]
    private static partial Regex Metadata();

    [GeneratedRegex(@"^(?<key>\s{2,}\S+\s*):\s.*$")]
    private static partial Regex MetadataListing();
}
