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
/// (<c>-copyts</c>), so they join end to end by the concat protocol without the timestamp shifts of joining MP4s; the
/// sound is encoded by the run that copies the middle, so each clip reads its stretch of the recording once.
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
        var (firstFrame, endFrame) = (keyframes.FrameAt(clip.In), keyframes.FrameAt(clip.Out));
        if (endFrame <= firstFrame) throw new UnsupportedMediaException("problem.cut.empty");
        var parts = Parts(keyframes.KeyframeNumbers(), firstFrame, endFrame);
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, $".{Path.GetFileName(output)}.parts"));
        try
        {
            var files = parts.Select((_, i) => Path.Combine(folder.FullName, $"{i}.ts")).ToList();
            var (start, stop) = (keyframes.FrameTime(firstFrame), keyframes.FrameTime(endFrame));
            var sound = source.Info.Audio is null ? null : new Sound(Path.Combine(folder.FullName, "sound.m4a"), start, stop);
            // The sound rides on the run that reads the clip's middle (the copy, or the one encode), so the recording is
            // read once. All parts at once: the copy waits on storage while x264 works, and the two encodes share the cores.
            var carrier = parts.FirstOrDefault(p => p.Copy) ?? parts[0];
            await Task.WhenAll(parts.Zip(files, (part, file) => PartCommand(source, keyframes, encoding, part, file, part == carrier ? sound : null)
                .RunAsync(options, cancellationToken))).ConfigureAwait(false);
            await PartialFile.WriteAsync(output, partial => JoinCommand(files, sound?.Path, clip, stop - start, partial).RunAsync(options, cancellationToken)).ConfigureAwait(false);
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

    /// <summary>The clip's sound, from <paramref name="Start"/> to <paramref name="End"/> in recording time, written to <paramref name="Path"/>.</summary>
    internal sealed record Sound(string Path, TimeSpan Start, TimeSpan End);

    /// <summary>
    /// One part as MPEG-TS with the source's own timestamps (<c>-copyts</c>), and the clip's <paramref name="sound"/> when
    /// this run carries it. The run seeks half a frame before the part (or the sound): FFMpegCore's milliseconds cannot miss a frame.
    /// </summary>
    internal static FFMpegArgumentProcessor PartCommand(MediaSource source, KeyframeIndex keyframes, ClipEncoding encoding, Part part, string output, Sound? sound)
    {
        var args = From(source, keyframes, sound?.Start ?? keyframes.FrameTime(part.From), sound?.End ?? keyframes.FrameTime(part.To));
        // The copy drops what the seek read before its keyframe (FFmpeg compares a copied packet's decode time, which B-frames
        // put frames before its picture, and starts on a keyframe), then shifts its timestamps back to the source's.
        var dropBefore = MediaProbe.Seconds(keyframes.FrameTime(Math.Max(0, part.From - encoding.Match!.ReorderFrames - 1)));
        Action<FFMpegOutputOptions> video = part.Copy
            ? o => AsPart(o.WithMap(0, StreamType.Video, 0).WithCustomArgument($"-ss {dropBefore} -output_ts_offset {dropBefore}")
                .WithFrameCount(part.To - part.From).CopyStreams(), MpegTs)
            : o => Encode(o, encoding, part.To - part.From, MpegTs);
        return sound is null ? args.ToFile(output, video)
            : args.ToFiles((sound.Path, o => o.WithMap(0, StreamType.Audio, 0)
                .WithCustomArgument($"-af atrim=start={MediaProbe.Seconds(sound.Start)}:end={MediaProbe.Seconds(sound.End)},asetpts=PTS-STARTPTS")
                .WithAacStereo().ForceFormat(ContainerFormats.Mp4)), (output, video));
    }

    /// <summary>The first <paramref name="count"/> frames from <paramref name="from"/> encoded with the matched settings (the plan's trial encode).</summary>
    internal static FFMpegArgumentProcessor EncodeCommand(MediaSource source, KeyframeIndex keyframes, ClipEncoding encoding, int from, int count, string output, string format) =>
        From(source, keyframes, keyframes.FrameTime(from), keyframes.FrameTime(from + count)).ToFile(output, o => Encode(o, encoding, count, format));

    /// <summary>
    /// Reads from half a frame before <paramref name="from"/> to a second past <paramref name="to"/>: a run with two
    /// outputs otherwise read on to the recording's end after both had what they needed.
    /// </summary>
    static FFMpegArguments From(MediaSource source, KeyframeIndex keyframes, TimeSpan from, TimeSpan to)
    {
        var seek = from - keyframes.Time(keyframes.FrameDuration) / 2;
        if (seek < TimeSpan.Zero) seek = TimeSpan.Zero;
        return FfmpegCommand.From(source.Location, i => { source.Apply(i); i.WithStartTime(seek).WithCustomArgument($"-t {MediaProbe.Seconds(to - seek + TimeSpan.FromSeconds(1))} -copyts"); });
    }

    static FFMpegOutputOptions Encode(FFMpegOutputOptions output, ClipEncoding encoding, int count, string format) =>
        AsPart(WithMatchedX264(output.WithMap(0, StreamType.Video, 0).WithFrameCount(count).WithFpsMode(FpsMode.Passthrough), encoding), format);

    /// <summary>x264 with the plan's matched settings, which write the source's own SPS and PPS (also the reel's emphases).</summary>
    internal static FFMpegOutputOptions WithMatchedX264(FFMpegOutputOptions output, ClipEncoding encoding) =>
        output.WithVideoCodec(VideoCodec.LibX264).WithSpeedPreset(encoding.X264Preset).WithVideoProfile(Profile(encoding.Match!))
            .WithCustomArgument("-pix_fmt yuv420p").WithCustomArgument($"-x264-params {encoding.Match!.Parameters()}");

    /// <summary>
    /// The parts' video and the sound copied (silence encoded when the source has none), title and comment from
    /// FFMETADATA: the same container settings as a re-encoded clip.
    /// </summary>
    internal static FFMpegArgumentProcessor JoinCommand(IReadOnlyList<string> parts, string? sound, ClipRequest clip, TimeSpan duration, string output) =>
        FfmpegCommand.From($"concat:{string.Join('|', parts)}", i => i.WithCustomArgument($"-f {MpegTs}").WithProtocolWhitelist(["concat", "file"]))
            .AddInput(sound ?? "anullsrc=r=48000:cl=stereo", i => { if (sound is null) i.AsLavfi(); else i.ForceFormat(ContainerFormats.Mp4).WithProtocolWhitelist(["file"]); })
            .AddMetadata(ClipCutter.Metadata(clip)).ToFile(output, o =>
            {
                o.WithDuration(duration).WithMap(0, StreamType.Video, 0).WithMap(1, StreamType.Audio, 0).CopyStreams();
                if (sound is null) o.WithAacStereo();
                o.WithoutChapters().WithoutStreamMetadata().AsFastStartMp4().WithExactDuration();
            });

    /// <summary>MPEG-TS parts start at their own timestamps (no mux delay added); the trial is an MP4, to read its <c>avcC</c>.</summary>
    internal static FFMpegOutputOptions AsPart(FFMpegOutputOptions output, string format)
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
