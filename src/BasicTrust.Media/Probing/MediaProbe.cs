using System.Globalization;
using System.Text.Json;
using BasicTrust.Highlights.Texts;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Hdr;
using FFMpegCore;
using FFMpegCore.Exceptions;

namespace BasicTrust.Media.Probing;

/// <summary>Probes a local file or URL with ffprobe (through FFMpegCore) and maps its analysis into <see cref="MediaInfo"/>.</summary>
public static class MediaProbe
{
    /// <summary>
    /// Extra ffprobe options: only the accepted demuxers and the protocols the source needs (a playlist disguised as a
    /// video cannot make ffprobe open anything). Warnings too: "misdetection possible" tells a text file from an MP4 that
    /// lost its index.
    /// </summary>
    public static string Arguments(string source) =>
        $"-loglevel warning -protocol_whitelist {string.Join(',', Sources.MediaSource.Protocols(source))} -format_whitelist {string.Join(',', Sources.MediaPolicy.Demuxers)}";

    /// <summary>Runs ffprobe. Throws <see cref="UnsupportedMediaException"/> when the input is not a video file ffprobe can read.</summary>
    public static async Task<MediaInfo> ProbeAsync(string source, ProcessRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        IMediaAnalysis analysis;
        try
        {
            analysis = await Ffprobe.AnalyseAsync(source, Arguments(source), options, cancellationToken).ConfigureAwait(false);
        }
        catch (MediaProcessException e) when (e.ExitCode > 0)
        {
            throw new UnsupportedMediaException(Reason(e.StandardErrorTail));
        }
        catch (Exception e) when (e is FileNotFoundException or JsonException or FFProbeException)
        {
            // No such file, or ffprobe printed nothing FFMpegCore can read.
            throw new UnsupportedMediaException(Reason(""));
        }
        return Map(analysis);
    }

    /// <summary>The plain reason behind an ffprobe failure, from its stderr.</summary>
    internal static Sentence Reason(string stderr) =>
        Sentence.Of(stderr switch
        {
            _ when stderr.Contains("Server returned 4", StringComparison.Ordinal) || stderr.Contains("Connection refused", StringComparison.Ordinal)
                => "problem.readable-video.unreachable",
            _ when stderr.Contains("moov atom not found", StringComparison.Ordinal) && !stderr.Contains("misdetection possible", StringComparison.Ordinal)
                => "problem.readable-video.no-index",
            _ => "problem.readable-video",
        });

    /// <summary>
    /// The video packets of one read interval in ffprobe's syntax (<c>12.5%20</c>: from 12.5 s to 20 s; <c>12.5%+#30</c>:
    /// 30 packets from 12.5 s), reading only that part: the demuxer seeks to the keyframe at or before the start.
    /// </summary>
    public static async Task<IReadOnlyList<Packet>> VideoPacketsAsync(string source, string inputArguments, string interval,
        ProcessRunOptions? options = null, CancellationToken cancellationToken = default) =>
        Packet.From(await Ffprobe.PacketsAsync(source, PacketArguments(inputArguments, interval), options, cancellationToken).ConfigureAwait(false));

    /// <summary>The extra ffprobe options for <see cref="VideoPacketsAsync"/>.</summary>
    public static string PacketArguments(string inputArguments, string interval) => $"{inputArguments} -select_streams v:0 -read_intervals {interval}";

    /// <summary>A read interval from one position to another.</summary>
    public static string Interval(TimeSpan from, TimeSpan to) => $"{Seconds(from)}%{Seconds(to)}";

    /// <summary>Seconds with microsecond precision, invariant: ffprobe's own time syntax, exact enough for a keyframe's time.</summary>
    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000000", CultureInfo.InvariantCulture);

    /// <summary>Reads ffprobe's JSON (as FFMpegCore asks for it: sexagesimal times). Pure, so odd outputs can be tested without a file.</summary>
    public static MediaInfo Parse(string json) => Map(FFProbe.FromJson(json));

    static MediaInfo Map(IMediaAnalysis analysis)
    {
        var video = analysis.VideoStreams.FirstOrDefault(s => !IsAttachedPicture(s))
            ?? throw new UnsupportedMediaException("problem.readable-video.no-video");
        var audio = analysis.PrimaryAudioStream;
        return new MediaInfo
        {
            FormatName = analysis.Format.FormatName ?? "",
            Duration = analysis.Format.Duration > TimeSpan.Zero ? analysis.Format.Duration : video.Duration,
            BitRate = analysis.Format.BitRate,
            Video = new VideoStreamInfo(video.CodecName ?? "", video.Profile, video.PixelFormat, video.Width ?? 0, video.Height ?? 0,
                Rate(video.AverageFrameRate), Rate(video.RealFrameRate), Rotation(video))
            {
                Hdr = HdrInfo.Detect(video.ColorTransfer, video.ColorPrimaries, video.ColorSpace, video.PixelFormat, video.SideData),
            },
            Audio = audio is null ? null : new AudioStreamInfo(audio.CodecName ?? "", audio.Channels ?? 0, audio.ChannelLayout, audio.SampleRateHz ?? 0),
        };
    }

    // Cover art in an MP4 shows up as a one-frame video stream.
    static bool IsAttachedPicture(VideoStream stream) => stream.Disposition?.GetValueOrDefault("attached_pic") == true;

    /// <summary>Rotation from the display matrix side data (FFmpeg 5+), else the legacy rotate tag; counter-clockwise degrees as 0/90/180/270.</summary>
    static int Rotation(VideoStream video)
    {
        double degrees = video.Rotation;
        if (degrees == 0 && video.Tags?.GetValueOrDefault("rotate") is { } tag && double.TryParse(tag, NumberStyles.Float, CultureInfo.InvariantCulture, out var rotate))
            degrees = -rotate;
        var normalised = (int)Math.Round(degrees / 90.0) * 90 % 360;
        return normalised < 0 ? normalised + 360 : normalised;
    }

    // FFMpegCore reads a missing rate as NaN.
    static double Rate(double rate) => double.IsFinite(rate) && rate > 0 ? rate : 0;
}
