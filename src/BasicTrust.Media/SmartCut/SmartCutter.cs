using BasicTrust.Media.Clips;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Indexing;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Sources;
using FFMpegCore;
using FFMpegCore.Enums;

namespace BasicTrust.Media.SmartCut;

/// <summary>
/// Frame-accurate clips that re-encode only what they must: the frames from the in point to the next keyframe and
/// from the last keyframe to the out point, with x264 settings that write the source's own parameter sets
/// (<see cref="SmartCutCheck"/>); the GOPs between are copied. The parts are MPEG-TS with the source's own timestamps
/// (<c>-copyts</c>), so they join end to end by the concat protocol without the timestamp shifts of joining MP4s.
/// </summary>
public static class SmartCutter
{
    /// <summary>One stretch of frames [<paramref name="From"/>, <paramref name="To"/>) of a clip, copied or encoded.</summary>
    internal sealed record Part(int From, int To, bool Copy);

    /// <summary>
    /// Cuts <paramref name="clip"/> to <paramref name="output"/> as <see cref="ClipCutter.CutPreciseAsync"/> would (AAC stereo,
    /// title and comment, no source metadata, fast start), from the frame nearest the in point to the one before the out point.
    /// </summary>
    public static async Task<(ClipAccuracy Accuracy, CutMethod Method)> CutAsync(MediaSource source, KeyframeIndex keyframes, ClipRequest clip,
        ClipEncoding encoding, string output, ProcessRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (encoding.Match is null || !keyframes.IsConstantFrameRate) throw new ArgumentException("The plan does not allow smart cuts.", nameof(encoding));
        options = ClipCutter.NextTo(output, options);
        var (first, end) = (keyframes.FrameAt(clip.In), keyframes.FrameAt(clip.Out));
        if (end <= first) throw new UnsupportedMediaException("The clip came out empty: the recording has no pictures at that point.");
        var parts = Parts(keyframes.KeyframeNumbers(), first, end);
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, $".{Path.GetFileName(output)}.parts"));
        try
        {
            var files = new List<string>();
            foreach (var part in parts)
            {
                var file = Path.Combine(folder.FullName, $"{files.Count}.ts");
                await (part.Copy ? CopyCommand(source, keyframes, part, file) : EncodeCommand(source, keyframes, encoding, part.From, part.To - part.From, file, MpegTs))
                    .RunAsync(options, cancellationToken).ConfigureAwait(false);
                files.Add(file);
            }
            var start = keyframes.FrameTime(first);
            await PartialFile.WriteAsync(output, partial => JoinCommand(source, files, clip, start, keyframes.FrameTime(end) - start, partial)
                .RunAsync(options, cancellationToken)).ConfigureAwait(false);
            var accuracy = await ClipCutter.MeasureAsync(output, clip, start, encoding.FramesPerSecond, options, cancellationToken).ConfigureAwait(false);
            return (accuracy, parts.Any(p => p.Copy) ? CutMethod.SmartCut : CutMethod.ReEncode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Encoded up to the first keyframe at or after the in frame, copied up to the last keyframe at or before the out
    /// frame, encoded from there; all encoded when no whole GOP lies inside.
    /// </summary>
    internal static IReadOnlyList<Part> Parts(IEnumerable<int> keyframes, int first, int end)
    {
        var numbers = keyframes.ToList();
        var (copyFrom, copyTo) = (numbers.FirstOrDefault(k => k >= first, -1), numbers.LastOrDefault(k => k <= end, -1));
        if (copyFrom < 0 || copyTo <= copyFrom) return [new Part(first, end, false)];
        return [.. new[] { new Part(first, copyFrom, false), new Part(copyFrom, copyTo, true), new Part(copyTo, end, false) }.Where(p => p.To > p.From)];
    }

    /// <summary>
    /// Frames [<paramref name="from"/>, <paramref name="from"/> + <paramref name="count"/>) encoded with the matched settings,
    /// keeping the source's timestamps. Seeks half a frame early, so FFMpegCore's milliseconds cannot miss the first frame.
    /// </summary>
    internal static FFMpegArgumentProcessor EncodeCommand(MediaSource source, KeyframeIndex keyframes, ClipEncoding encoding, int from, int count, string output, string format)
    {
        var seek = keyframes.FrameTime(from) - keyframes.Time(keyframes.FrameDuration) / 2;
        return FfmpegCommand.From(source.Location, i => { source.Apply(i); i.WithStartTime(seek > TimeSpan.Zero ? seek : TimeSpan.Zero).WithCustomArgument("-copyts"); })
            .ToFile(output, o => AsPart(o.WithMap(0, StreamType.Video, 0).WithFrameCount(count).WithFpsMode(FpsMode.Passthrough)
                .WithVideoCodec(VideoCodec.LibX264).WithSpeedPreset(encoding.X264Preset).WithVideoProfile(Profile(encoding.Match!))
                .WithCustomArgument("-pix_fmt yuv420p").WithCustomArgument($"-x264-params {encoding.Match!.Parameters()}"), format));
    }

    /// <summary>The GOPs of <paramref name="part"/> copied: the seek lands on its keyframe (a millisecond after it, as drafts do).</summary>
    internal static FFMpegArgumentProcessor CopyCommand(MediaSource source, KeyframeIndex keyframes, Part part, string output) =>
        FfmpegCommand.From(source.Location, i => { source.Apply(i); i.WithStartTime(TimeSpan.FromMilliseconds(Math.Floor(keyframes.FrameTime(part.From).TotalMilliseconds) + 1)).WithCustomArgument("-copyts"); })
            .ToFile(output, o => AsPart(o.WithMap(0, StreamType.Video, 0).WithFrameCount(part.To - part.From).CopyStreams(), MpegTs));

    /// <summary>
    /// The parts' video copied, the sound from the same start encoded (or silence), title and comment from FFMETADATA:
    /// the same container settings as a re-encoded clip.
    /// </summary>
    internal static FFMpegArgumentProcessor JoinCommand(MediaSource source, IReadOnlyList<string> parts, ClipRequest clip, TimeSpan start, TimeSpan duration, string output)
    {
        var args = FfmpegCommand.From($"concat:{string.Join('|', parts)}", i => i.WithCustomArgument($"-f {MpegTs}").WithProtocolWhitelist(["concat", "file"]));
        if (source.Info.Audio is null) args.AddInput("anullsrc=r=48000:cl=stereo", i => i.AsLavfi());
        else args.AddInput(source.Location, i => { source.Apply(i); i.WithStartTime(start); });
        return args.AddMetadata(ClipCutter.Metadata(clip)).ToFile(output, o => o
            .WithDuration(duration)
            .WithMap(0, StreamType.Video, 0).WithMap(1, StreamType.Audio, 0)
            .WithVideoCodec("copy").WithAacStereo()
            .WithoutChapters().WithoutStreamMetadata()
            .AsFastStartMp4().WithExactDuration());
    }

    /// <summary>MPEG-TS parts start at their own timestamps (no mux delay added); the trial is an MP4, to read its <c>avcC</c>.</summary>
    static FFMpegOutputOptions AsPart(FFMpegOutputOptions output, string format)
    {
        output.ForceFormat(format);
        return format == MpegTs ? output.WithCustomArgument("-muxdelay 0 -muxpreload 0") : output;
    }

    internal const string MpegTs = "mpegts";

    static VideoProfile Profile(X264Match match) => match.Profile switch
    {
        "baseline" => VideoProfile.Baseline,
        "main" => VideoProfile.Main,
        _ => VideoProfile.High,
    };
}
