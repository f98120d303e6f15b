namespace BasicTrust.Media.Ffmpeg;

/// <summary>
/// FFmpeg or ffprobe failed. Carries what is needed to diagnose it: the exit code, the tail of stderr
/// and a copy-pasteable command line with URL query strings (SAS signatures) redacted.
/// </summary>
public sealed class MediaProcessException(string message, int exitCode, string standardErrorTail, string commandLine)
    : Exception($"{message} (exit code {exitCode})\n{commandLine}\n{standardErrorTail}")
{
    /// <summary>The process's exit code (-1 when it was killed).</summary>
    public int ExitCode { get; } = exitCode;
    /// <summary>The last lines FFmpeg wrote to stderr.</summary>
    public string StandardErrorTail { get; } = standardErrorTail;
    /// <summary>The command, safe to log and to paste into a shell.</summary>
    public string CommandLine { get; } = commandLine;
}
