namespace BasicTrust.Media.Ffmpeg;

/// <summary>Where FFmpeg is installed. Bound from <c>BasicTrust:Media:Ffmpeg</c>; optional, the container image has FFmpeg on PATH.</summary>
public sealed class FfmpegOptions
{
    /// <summary>The folder holding <c>ffmpeg</c> and <c>ffprobe</c>; empty: found on PATH.</summary>
    public string BinaryFolder { get; set; } = "";

    /// <summary>True when the folder is unset or holds both programs (FFMpegCore would otherwise fall back to PATH without a word).</summary>
    public bool IsValid => BinaryFolder.Length == 0
        || (File.Exists(Path.Combine(BinaryFolder, "ffmpeg")) && File.Exists(Path.Combine(BinaryFolder, "ffprobe")));
}
