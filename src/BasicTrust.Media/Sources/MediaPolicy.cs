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
        var other => throw new UnsupportedMediaException("problem.readable-video.container", ("format", other)),
    };

    /// <summary>Throws <see cref="UnsupportedMediaException"/> with a plain reason when the recording is outside the policy or the limits.</summary>
    public static void Check(MediaInfo info, MediaLimits limits)
    {
        if (!Demuxers.Contains(Demuxer(info)))
            throw new UnsupportedMediaException("problem.readable-video.container", ("format", Demuxer(info)));
        if (!VideoCodecs.Contains(info.Video.Codec))
            throw new UnsupportedMediaException("problem.readable-video.codec", ("codec", info.Video.Codec), ("codecs", string.Join(", ", VideoCodecs.Order())));
        if (info.Video.Width <= 0 || info.Video.Height <= 0)
            throw new UnsupportedMediaException("problem.readable-video.picture-size");
        if (info.Duration <= TimeSpan.Zero)
            throw new UnsupportedMediaException("problem.readable-video.duration");
        if (info.Duration > limits.MaxDuration)
            throw new UnsupportedMediaException("problem.readable-video.too-long", ("duration", TimeCode.Format(info.Duration)), ("max", TimeCode.Format(limits.MaxDuration)));
        var rate = info.Video.AverageFrameRate > 0 ? info.Video.AverageFrameRate : info.Video.RealFrameRate;
        if (rate > 0 && (rate < limits.MinFrameRate || rate > limits.MaxFrameRate))
            throw new UnsupportedMediaException("problem.readable-video.frame-rate", ("rate", Rate(rate)), ("min", Rate(limits.MinFrameRate)), ("max", Rate(limits.MaxFrameRate)));
        var (longSide, shortSide) = (Math.Max(info.Video.Width, info.Video.Height), Math.Min(info.Video.Width, info.Video.Height));
        if (longSide > limits.MaxLongSide || shortSide > limits.MaxShortSide)
            throw new UnsupportedMediaException("problem.readable-video.too-large", ("width", info.Video.Width), ("height", info.Video.Height), ("long", limits.MaxLongSide), ("short", limits.MaxShortSide));
    }

    static string Rate(double rate) => rate.ToString("0.###", CultureInfo.InvariantCulture);
}
