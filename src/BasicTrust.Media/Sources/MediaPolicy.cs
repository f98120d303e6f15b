using System.Globalization;
using BasicTrust.Highlights.Time;
using BasicTrust.Media.Probing;
using FFMpegCore.Enums;

namespace BasicTrust.Media.Sources;

/// <summary>Which containers and codecs are accepted, and the checks a probed recording must pass.</summary>
public static class MediaPolicy
{
    /// <summary>Demuxers FFmpeg may use on a recording: the MP4/MOV family, Matroska/WebM and AVI. Everything else (HLS, concat lists, images, raw streams) is refused.</summary>
    public static readonly IReadOnlyList<string> Demuxers = ["mov", "matroska", "avi"];

    /// <summary>Video codecs cameras and phones record in.</summary>
    public static readonly IReadOnlySet<string> VideoCodecs = new HashSet<string>(StringComparer.Ordinal)
        { "h264", "hevc", "mpeg4", "vp8", "vp9", "av1", "prores", "mjpeg" };

    /// <summary>The demuxer to force on every later run: the first name ffprobe reported (<c>mov</c> for <c>mov,mp4,m4a,…</c>).</summary>
    public static string Demuxer(MediaInfo info) => info.FormatName.Split(',')[0];

    /// <summary>FFMpegCore's container format for the demuxer to force; only the accepted ones exist.</summary>
    public static ContainerFormat Format(MediaInfo info) => Demuxer(info) switch
    {
        "mov" => ContainerFormats.Mov,
        "matroska" => ContainerFormats.Matroska,
        "avi" => ContainerFormats.Avi,
        var other => throw new UnsupportedMediaException($"The recording is a {other} file, not a video file (accepted: MP4/MOV, MKV/WebM, AVI)."),
    };

    /// <summary>Throws <see cref="UnsupportedMediaException"/> with a plain reason when the recording is outside the policy or the limits.</summary>
    public static void Check(MediaInfo info, MediaLimits limits)
    {
        if (!Demuxers.Contains(Demuxer(info)))
            throw new UnsupportedMediaException($"The recording is a {Demuxer(info)} file, not a video file (accepted: MP4/MOV, MKV/WebM, AVI).");
        if (!VideoCodecs.Contains(info.Video.Codec))
            throw new UnsupportedMediaException($"The recording's video codec '{info.Video.Codec}' is not supported (accepted: {string.Join(", ", VideoCodecs.Order())}).");
        if (info.Video.Width <= 0 || info.Video.Height <= 0)
            throw new UnsupportedMediaException("The recording's picture size cannot be read.");
        if (info.Duration <= TimeSpan.Zero)
            throw new UnsupportedMediaException("The recording's duration cannot be read.");
        if (info.Duration > limits.MaxDuration)
            throw new UnsupportedMediaException($"The recording is {TimeCode.Format(info.Duration)} long; at most {TimeCode.Format(limits.MaxDuration)} is accepted.");
        var rate = info.Video.AverageFrameRate > 0 ? info.Video.AverageFrameRate : info.Video.RealFrameRate;
        if (rate > 0 && (rate < limits.MinFrameRate || rate > limits.MaxFrameRate))
            throw new UnsupportedMediaException(string.Create(CultureInfo.InvariantCulture,
                $"The recording has {rate:0.###} frames per second; {limits.MinFrameRate:0.###} to {limits.MaxFrameRate:0.###} are accepted. Export it again from the camera or phone at its normal frame rate."));
        var (longSide, shortSide) = (Math.Max(info.Video.Width, info.Video.Height), Math.Min(info.Video.Width, info.Video.Height));
        if (longSide > limits.MaxLongSide || shortSide > limits.MaxShortSide)
            throw new UnsupportedMediaException($"The recording is {info.Video.Width}x{info.Video.Height}; at most {limits.MaxLongSide}x{limits.MaxShortSide} is accepted.");
    }
}
