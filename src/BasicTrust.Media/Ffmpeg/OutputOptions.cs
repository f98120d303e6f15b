using System.Globalization;

namespace BasicTrust.Media.Ffmpeg;

/// <summary>Options for the output (they go after the inputs).</summary>
public sealed class OutputOptions
{
    internal List<string> Arguments { get; } = [];

    /// <summary>Stop writing after this much.</summary>
    public OutputOptions Duration(TimeSpan duration) => Add("-t", FfmpegArguments.Time(duration));

    /// <summary>Choose streams, e.g. <c>0:v:0</c>; <c>?</c> makes one optional.</summary>
    public OutputOptions Map(string specifier) => Add("-map", specifier);

    /// <summary>A video filter graph, built only from our own numbers, never from user text.</summary>
    public OutputOptions VideoFilter(string graph) => Add("-vf", graph);

    /// <summary>H.264 High profile, yuv420p, with this preset and CRF: plays everywhere, including Apple devices.</summary>
    public OutputOptions H264(string preset, int crf) =>
        Add("-c:v", "libx264", "-preset", preset, "-crf", crf.ToString(CultureInfo.InvariantCulture), "-profile:v", "high", "-pix_fmt", "yuv420p");

    /// <summary>Constant frame rate output, so VFR phone footage does not drift against its audio.</summary>
    public OutputOptions ConstantFrameRate(string rate) => Add("-r", rate, "-fps_mode", "cfr");

    /// <summary>AAC at 48 kHz stereo: the same for every clip, so clips concatenate by stream copy.</summary>
    public OutputOptions Aac(int bitrateKbps = 128) => Add("-c:a", "aac", "-b:a", $"{bitrateKbps}k", "-ar", "48000", "-ac", "2");

    /// <summary>Copy streams without re-encoding.</summary>
    public OutputOptions CopyAll() => Add("-c", "copy");

    /// <summary>MP4 with the index at the front (plays while downloading) and the <c>avc1</c> tag.</summary>
    public OutputOptions Mp4FastStart() => Add("-movflags", "+faststart", "-tag:v", "avc1", "-f", "mp4");

    /// <summary>Container-level metadata (title, comment). FFmpeg takes the value as one argv entry, so no quoting is involved.</summary>
    public OutputOptions Metadata(string key, string value) => Add("-metadata", $"{key}={value}");

    /// <summary>Drop the source's metadata and chapters: a phone writes its GPS location and model there.</summary>
    public OutputOptions DropSourceMetadata() => Add("-map_metadata", "-1", "-map_chapters", "-1");

    /// <summary>No audio in the output.</summary>
    public OutputOptions NoAudio() => Add("-an");

    /// <summary>Write this many video frames.</summary>
    public OutputOptions Frames(int count) => Add("-frames:v", count.ToString(CultureInfo.InvariantCulture));

    /// <summary>A raw option, for flags without a method yet.</summary>
    public OutputOptions Custom(params string[] items) => Add(items);

    OutputOptions Add(params string[] items)
    {
        Arguments.AddRange(items);
        return this;
    }
}
