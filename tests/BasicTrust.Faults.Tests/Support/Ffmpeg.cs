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

    /// <summary>
    /// A small test recording: a moving test picture (320x240, 25 fps) with a 440 Hz tone, as H.264 with a 1 s GOP, or
    /// as an iPhone writes HEVC (tagged hvc1, which Chromium plays only the sound of).
    /// </summary>
    public static Task RecordingAsync(string path, int seconds = 12, bool hevc = false) =>
        RunAsync(["-f", "lavfi", "-i", $"testsrc2=size=320x240:rate=25:duration={seconds}", "-f", "lavfi", "-i", $"sine=frequency=440:duration={seconds}",
            .. hevc ? ["-c:v", "libx265", "-x265-params", "log-level=error", "-preset", "ultrafast", "-tag:v", "hvc1"] : (string[])["-c:v", "libx264", "-preset", "ultrafast", "-g", "25"],
            "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart", path]);
}
