using System.Globalization;
using BasicTrust.Media.Probing;
using BasicTrust.Media.SmartCut;
using FFMpegCore.Enums;

namespace BasicTrust.Media.Clips;

/// <summary>
/// The encoding every precise clip of one reel shares, so the reel is assembled by stream copy:
/// picture size (rotation applied, never upscaled, even), a standard constant frame rate, x264 settings.
/// </summary>
public sealed record ClipEncoding(int Width, int Height, string FrameRate, string Preset = "superfast", int Crf = 23)
{
    /// <summary>The x264 settings that write the source's own parameter sets, when the plan's clips are smart-cut; null when every frame is re-encoded.</summary>
    public X264Match? Match { get; init; }

    static readonly (double Rate, string Text)[] StandardRates =
        [(24000 / 1001.0, "24000/1001"), (24, "24"), (25, "25"), (30000 / 1001.0, "30000/1001"), (30, "30"), (50, "50"), (60000 / 1001.0, "60000/1001"), (60, "60")];

    /// <summary>Frames per second as a number.</summary>
    public double FramesPerSecond => FrameRate.Split('/') is [var n, var d]
        ? double.Parse(n, CultureInfo.InvariantCulture) / double.Parse(d, CultureInfo.InvariantCulture)
        : double.Parse(FrameRate, CultureInfo.InvariantCulture);

    /// <summary>The x264 preset as FFMpegCore's value; only the names x264 knows.</summary>
    internal EncoderPreset X264Preset => Preset switch
    {
        "ultrafast" => EncoderPreset.UltraFast, "superfast" => EncoderPreset.SuperFast, "veryfast" => EncoderPreset.VeryFast,
        "faster" => EncoderPreset.Faster, "fast" => EncoderPreset.Fast, "medium" => EncoderPreset.Medium,
        "slow" => EncoderPreset.Slow, "slower" => EncoderPreset.Slower, "veryslow" => EncoderPreset.VerySlow,
        _ => throw new ArgumentException($"'{Preset}' is not an x264 preset.", nameof(Preset)),
    };

    /// <summary>The height clips of a recording are re-encoded at when the plan keeps the source's size but the source is not H.264.</summary>
    public const int NonH264SourceHeight = 720;

    /// <summary>
    /// The encoding for clips of <paramref name="info"/> at <paramref name="targetHeight"/> (480, 720, 1080): the
    /// shorter displayed side becomes the target, so portrait video stays portrait; a smaller source keeps its size.
    /// Null keeps the source's size when it is H.264 (so clips can be smart-cut); other codecs are re-encoded anyway,
    /// and at <see cref="NonH264SourceHeight"/>.
    /// </summary>
    public static ClipEncoding For(MediaInfo info, int? targetHeight, string preset = "superfast", int crf = 23)
    {
        var (width, height) = info.Video.DisplaySize;
        var target = targetHeight ?? (info.Video.Codec == "h264" ? Math.Min(width, height) : NonH264SourceHeight);
        var scale = Math.Min(1.0, target / (double)Math.Min(width, height));
        return new ClipEncoding(Even(width * scale, width), Even(height * scale, height), NearestStandardRate(info.Video), preset, crf);
    }

    /// <summary>The standard rate nearest the measured average (phones record 29.7-ish VFR), at most 60; 25 when unknown.</summary>
    static string NearestStandardRate(VideoStreamInfo video)
    {
        var measured = video.AverageFrameRate > 0 ? video.AverageFrameRate : video.RealFrameRate;
        if (measured <= 0) return "25";
        return StandardRates.MinBy(r => Math.Abs(r.Rate - Math.Min(measured, 60))).Text;
    }

    /// <summary>The nearest even number of pixels, but never more than the source has.</summary>
    static int Even(double pixels, int source) => Math.Max(2, Math.Min((int)Math.Round(pixels / 2) * 2, source / 2 * 2));
}
