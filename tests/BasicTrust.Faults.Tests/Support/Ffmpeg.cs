using System.Diagnostics;

namespace BasicTrust.Testing;

/// <summary>Runs FFmpeg for test media (a tiny generated recording).</summary>
public static class Ffmpeg
{
    /// <summary>Runs FFmpeg quietly; returns what it wrote to stdout, throws with its stderr when it fails.</summary>
    public static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in (string[])["-hide_banner", "-loglevel", "error", "-y", .. arguments]) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed: {error}");
        return await output;
    }
}
