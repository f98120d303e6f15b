using System.Text.RegularExpressions;

namespace BasicTrust.Functions.Pipeline;

/// <summary>The one rule for a recording's file name: what an upload may be called, and what a preview is made for.</summary>
public static partial class RecordingFileName
{
    public static bool IsValid(string fileName) => Pattern().IsMatch(fileName) && !fileName.Contains("..", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._ -]{0,95}\.(mp4|mov|m4v|mkv|webm|avi)\z", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
