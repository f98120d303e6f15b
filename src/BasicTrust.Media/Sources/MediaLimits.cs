using BasicTrust.Media.Ffmpeg;

namespace BasicTrust.Media.Sources;

/// <summary>
/// What a recording may be. A recording is attacker-controllable input to FFmpeg, so its size and the
/// time spent on it are bounded. Bound from configuration section <c>BasicTrust:Media</c>.
/// </summary>
public sealed class MediaLimits
{
    /// <summary>Longest recording accepted (default 4 hours; home visits are 10–30 minutes).</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(4);
    /// <summary>Longest side in pixels (default 3840: 4K).</summary>
    public int MaxLongSide { get; set; } = 3840;
    /// <summary>Shortest side in pixels (default 2160: 4K).</summary>
    public int MaxShortSide { get; set; } = 2160;
    /// <summary>
    /// Frame rates accepted (default 1 to 240 per second: our default, from cameras' and phones' slowest time-lapse-free
    /// and fastest slow-motion modes). A rate outside them is a damaged or crafted file, not a home-visit recording.
    /// </summary>
    public double MinFrameRate { get; set; } = 1;
    /// <inheritdoc cref="MinFrameRate"/>
    public double MaxFrameRate { get; set; } = 240;
    /// <summary>Longest any single ffprobe run may take.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Longest any single FFmpeg run (a clip, a still, a reel) may take.</summary>
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>Where FFmpeg is installed (<c>BasicTrust:Media:Ffmpeg</c>).</summary>
    public FfmpegOptions Ffmpeg { get; } = new();

    /// <summary>The options of one ffprobe run.</summary>
    public ProcessRunOptions ProbeOptions() => new() { BinaryFolder = Ffmpeg.BinaryFolder, Timeout = ProbeTimeout };

    /// <summary>The options of one FFmpeg run (a clip, a still, a reel).</summary>
    public ProcessRunOptions RunOptions() => new() { BinaryFolder = Ffmpeg.BinaryFolder, Timeout = RunTimeout };
}
