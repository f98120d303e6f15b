namespace BasicTrust.Media.Tests;

/// <summary>
/// A binary folder whose <c>ffmpeg</c> and <c>ffprobe</c> record their argv and then run the real ones from PATH:
/// shows exactly what FFmpeg was started with, and that runs use the configured folder.
/// </summary>
sealed class LoggingBinaries : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("bt-ffbin-").FullName;
    string Log => Path.Combine(Folder, "argv.log");

    public LoggingBinaries()
    {
        foreach (var program in new[] { "ffmpeg", "ffprobe" })
        {
            var path = Path.Combine(Folder, program);
            // Unit separator between arguments, record separator between runs: arguments may hold anything.
            File.WriteAllText(path, $"#!/bin/sh\n{{ printf '%s' {program}; for a in \"$@\"; do printf '\\037%s' \"$a\"; done; printf '\\036'; }} >> '{Log}'\nexec {program} \"$@\"\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Every run's argv (program first), except FFMpegCore's one-off <c>-version</c> check.</summary>
    public IReadOnlyList<string[]> Runs() =>
        File.Exists(Log)
            ? [.. File.ReadAllText(Log).Split('\x1e', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split('\x1f')).Where(a => a is not [_, "-version"])]
            : [];

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
