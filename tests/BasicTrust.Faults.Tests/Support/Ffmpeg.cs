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
    /// as an iPhone writes HEVC (tagged hvc1, which Chromium plays only the sound of), with <paramref name="hlg"/> as its
    /// camera records by default: 10-bit HDR, HLG and BT.2020, tagged in the stream and the container.
    /// </summary>
    public static Task RecordingAsync(string path, int seconds = 12, bool hevc = false, bool hlg = false) =>
        RunAsync(["-f", "lavfi", "-i", $"testsrc2=size=320x240:rate=25:duration={seconds}", "-f", "lavfi", "-i", $"sine=frequency=440:duration={seconds}",
            .. hevc || hlg ? ["-c:v", "libx265", "-x265-params", // A closed GOP of a second, as phones record.
                (hlg ? "log-level=error:colorprim=bt2020:transfer=arib-std-b67:colormatrix=bt2020nc" : "log-level=error") + ":keyint=25:min-keyint=25:open-gop=0",
                "-preset", "ultrafast", "-tag:v", "hvc1"] : (string[])["-c:v", "libx264", "-preset", "ultrafast", "-g", "25"],
            .. hlg ? ["-pix_fmt", "yuv420p10le", "-color_primaries", "bt2020", "-color_trc", "arib-std-b67", "-colorspace", "bt2020nc"] : (string[])["-pix_fmt", "yuv420p"],
            "-c:a", "aac", "-movflags", "+faststart", path]);
}
