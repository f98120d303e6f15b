using BasicTrust.Highlights.Texts;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Previews;

/// <summary>What a browser needs to play a recording.</summary>
public enum PreviewNeed
{
    /// <summary>It plays as it is.</summary>
    None,
    /// <summary>The pictures play but the file does not: copy the video into MP4 (sound to AAC when the browser cannot play it).</summary>
    Remux,
    /// <summary>The video codec does not play (HEVC from iPhones, MPEG-4 Part 2, ProRes…): a small H.264 copy.</summary>
    Transcode,
}

/// <summary>
/// Decides from the probed recording whether the editor's browser can play it. Chromium plays H.264 and AAC or MP3
/// in MP4/MOV, and VP8, VP9 or AV1 in WebM; HEVC it does not, and says nothing (the sound plays, the picture stays black).
/// </summary>
public static class BrowserPlayback
{
    static readonly IReadOnlySet<string> Mp4Video = new HashSet<string>(["h264"]);
    static readonly IReadOnlySet<string> WebmVideo = new HashSet<string>(["vp8", "vp9", "av1"]);
    static readonly IReadOnlySet<string> Mp4Audio = new HashSet<string>(["aac", "mp3"]);
    static readonly IReadOnlySet<string> WebmAudio = new HashSet<string>(["opus", "vorbis"]);
    /// <summary>Browsers decode H.264 in 8-bit 4:2:0 only (not 10-bit or 4:2:2, which some cameras record).</summary>
    static readonly IReadOnlySet<string> PlayablePixels = new HashSet<string>(["yuv420p", "yuvj420p"]);

    /// <summary>The need and, when there is one, a plain reason for the page.</summary>
    public static (PreviewNeed Need, Sentence? Reason) Decide(MediaInfo info, string fileName)
    {
        var (video, audio) = (info.Video.Codec, info.Audio?.Codec);
        if (video == "h264" && info.Video.PixelFormat is { } pixels && !PlayablePixels.Contains(pixels))
            return (PreviewNeed.Transcode, Sentence.Of("preview.pixels", ("pixels", pixels)));
        var webm = Path.GetExtension(fileName).Equals(".webm", StringComparison.OrdinalIgnoreCase) && MediaPolicy.Demuxer(info) == "matroska";
        var mp4 = MediaPolicy.Demuxer(info) == "mov";
        if (mp4 && Mp4Video.Contains(video) && (audio is null || Mp4Audio.Contains(audio))) return (PreviewNeed.None, null);
        if (webm && WebmVideo.Contains(video) && (audio is null || WebmAudio.Contains(audio))) return (PreviewNeed.None, null);
        if (Mp4Video.Contains(video))
            return (PreviewNeed.Remux, mp4 ? Sentence.Of("preview.sound", ("audio", audio ?? "")) : Sentence.Of("preview.file-type"));
        return (PreviewNeed.Transcode, Sentence.Of("preview.codec", ("codec", video)));
    }

    /// <summary>
    /// The recording's media type with its codecs (RFC 6381), for a page to ask its own browser whether it plays the
    /// recording as it is (<c>MediaCapabilities.decodingInfo</c>, <c>canPlayType</c>): Safari, and Chrome or Edge where
    /// the system decodes HEVC, play a phone's recording without a preview. Null when browsers are not asked: only 8-bit
    /// or 10-bit HEVC in MP4/MOV with AAC or MP3 sound (or none) is. The level is estimated from the picture size and
    /// rate (an upper bound is what a browser checks); the tag is <c>hvc1</c>, as phones write it.
    /// </summary>
    public static string? Type(MediaInfo info)
    {
        var (video, audio) = (info.Video, info.Audio?.Codec);
        if (video.Codec != "hevc" || MediaPolicy.Demuxer(info) != "mov") return null;
        var profile = video.Profile switch { "Main" => "1.6", "Main 10" => "2.4", _ => null };
        var sound = audio switch { null => "", "aac" => ",mp4a.40.2", "mp3" => ",mp4a.6B", _ => null };
        if (profile is null || sound is null) return null;
        var rate = video.AverageFrameRate > 0 ? video.AverageFrameRate : 30;
        var samples = (double)video.Width * video.Height * rate;
        var level = samples <= 1920 * 1088 * 32 ? 120 : samples <= 1920 * 1088 * 64 ? 123 : samples <= 4096 * 2176 * 32 ? 150 : 153;
        return $"video/mp4; codecs=\"hvc1.{profile}.L{level}.B0{sound}\"";
    }
}
