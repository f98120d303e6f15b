using System.Globalization;
using System.Text.Json;
using BasicTrust.Media.Ffmpeg;

namespace BasicTrust.Media.Probing;

/// <summary>Probes a local file or URL with ffprobe and reads its JSON into <see cref="MediaInfo"/>.</summary>
public static class MediaProbe
{
    /// <summary>
    /// The ffprobe argv: JSON with format and streams, errors only, only the accepted demuxers and the protocols
    /// the source needs (a playlist disguised as a video cannot make ffprobe open anything).
    /// </summary>
    public static IReadOnlyList<string> Arguments(string source) =>
        // Warnings too: "misdetection possible" tells a text file from an MP4 that lost its index.
        ["-hide_banner", "-v", "warning", "-protocol_whitelist", string.Join(',', Sources.MediaSource.Protocols(source)), "-format_whitelist", string.Join(',', Sources.MediaPolicy.Demuxers),
         "-print_format", "json", "-show_format", "-show_streams", source];

    /// <summary>Runs ffprobe. Throws <see cref="UnsupportedMediaException"/> when the input is not a video file ffprobe can read.</summary>
    public static async Task<MediaInfo> ProbeAsync(string source, ProcessRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        string json;
        try
        {
            json = await ProcessRunner.RunAsync("ffprobe", Arguments(source), options, cancellationToken).ConfigureAwait(false);
        }
        catch (MediaProcessException e) when (e.ExitCode > 0)
        {
            throw new UnsupportedMediaException(Reason(e.StandardErrorTail));
        }
        return Parse(json);
    }

    /// <summary>The plain reason behind an ffprobe failure, from its stderr.</summary>
    internal static string Reason(string stderr) =>
        stderr switch
        {
            _ when stderr.Contains("Server returned 4", StringComparison.Ordinal) || stderr.Contains("Connection refused", StringComparison.Ordinal)
                => "The recording cannot be fetched from storage.",
            _ when stderr.Contains("moov atom not found", StringComparison.Ordinal) && !stderr.Contains("misdetection possible", StringComparison.Ordinal)
                => "The recording is incomplete: its index is missing (the upload or the recording was interrupted).",
            _ => "The recording is not a video file that can be read.",
        };

    /// <summary>
    /// The video packets of one read interval in ffprobe's syntax (<c>12.5%20</c>: from 12.5 s to 20 s; <c>12.5%+#30</c>:
    /// 30 packets from 12.5 s), reading only that part: the demuxer seeks to the keyframe at or before the start.
    /// </summary>
    public static async Task<IReadOnlyList<Packet>> VideoPacketsAsync(string source, IReadOnlyList<string> inputArguments, string interval,
        ProcessRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> arguments = ["-hide_banner", "-v", "error", .. inputArguments, "-select_streams", "v:0",
            "-read_intervals", interval, "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0", source];
        var csv = await ProcessRunner.RunAsync("ffprobe", arguments, options, cancellationToken).ConfigureAwait(false);
        return Packet.ParseCsv(csv);
    }

    /// <summary>A read interval from one position to another.</summary>
    public static string Interval(TimeSpan from, TimeSpan to) => $"{FfmpegArguments.Time(from)}%{FfmpegArguments.Time(to)}";

    /// <summary>Reads ffprobe's JSON. Pure, so odd outputs can be tested without a file.</summary>
    public static MediaInfo Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var streams = root.TryGetProperty("streams", out var s) ? s.EnumerateArray().ToList() : [];
        var video = streams.FirstOrDefault(x => Text(x, "codec_type") == "video" && !IsAttachedPicture(x));
        if (video.ValueKind == JsonValueKind.Undefined)
            throw new UnsupportedMediaException("The recording has no video stream: it is not a video file.");
        var audio = streams.FirstOrDefault(x => Text(x, "codec_type") == "audio");
        var format = root.GetProperty("format");
        return new MediaInfo
        {
            FormatName = Text(format, "format_name") ?? "",
            Duration = TimeSpan.FromSeconds(Number(format, "duration") ?? Number(video, "duration") ?? 0),
            BitRate = Number(format, "bit_rate") is { } rate ? (long)rate : null,
            Video = new VideoStreamInfo(Text(video, "codec_name") ?? "", Text(video, "profile"), Text(video, "pix_fmt"),
                (int)(Number(video, "width") ?? 0), (int)(Number(video, "height") ?? 0),
                Rate(Text(video, "avg_frame_rate")), Rate(Text(video, "r_frame_rate")), Rotation(video)),
            Audio = audio.ValueKind == JsonValueKind.Undefined ? null
                : new AudioStreamInfo(Text(audio, "codec_name") ?? "", (int)(Number(audio, "channels") ?? 0), Text(audio, "channel_layout"), (int)(Number(audio, "sample_rate") ?? 0)),
        };
    }

    // Cover art in an MP4 shows up as a one-frame video stream.
    static bool IsAttachedPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var a) && a.ValueKind == JsonValueKind.Number && a.GetInt32() == 1;

    /// <summary>Rotation from the display matrix side data (FFmpeg 5+), else the legacy rotate tag; counter-clockwise degrees as 0/90/180/270.</summary>
    static int Rotation(JsonElement video)
    {
        double? degrees = null;
        if (video.TryGetProperty("side_data_list", out var sides))
            foreach (var side in sides.EnumerateArray())
                if (Number(side, "rotation") is { } r) degrees = r;
        if (degrees is null && video.TryGetProperty("tags", out var tags) && Number(tags, "rotate") is { } tag) degrees = -tag;
        var normalised = (int)Math.Round((degrees ?? 0) / 90.0) * 90 % 360;
        return normalised < 0 ? normalised + 360 : normalised;
    }

    static double Rate(string? fraction)
    {
        if (fraction?.Split('/') is not [var n, var d]) return 0;
        return double.TryParse(n, CultureInfo.InvariantCulture, out var num) && double.TryParse(d, CultureInfo.InvariantCulture, out var den) && den > 0 ? num / den : 0;
    }

    static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    static double? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number) return value.GetDouble();
        // ffprobe writes most numbers as strings ("duration": "2.000000").
        return value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }
}
