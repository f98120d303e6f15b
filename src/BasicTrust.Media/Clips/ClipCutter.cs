using BasicTrust.Highlights.Manifest;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Hdr;
using BasicTrust.Media.Indexing;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Reels;
using BasicTrust.Media.SmartCut;
using BasicTrust.Media.Sources;
using FFMpegCore;
using FFMpegCore.Enums;

namespace BasicTrust.Media.Clips;

/// <summary>Cuts clips from an accepted recording: precise (re-encoded, frame-accurate) or draft (stream copy).</summary>
public static class ClipCutter
{
    /// <summary>
    /// Cuts one clip of a plan the plan's way: a draft by stream copy, a precise clip by smart cut when the plan's
    /// encoding carries matched x264 settings, else re-encoded. <paramref name="keyframes"/> are the plan's, from the
    /// container index (required for smart cuts).
    /// </summary>
    public static async Task<(ClipAccuracy Accuracy, CutMethod Method)> CutAsync(MediaSource source, ClipRequest clip, ClipQuality quality,
        ClipEncoding encoding, KeyframeIndex? keyframes, string output, ProcessRunOptions? options = null, CancellationToken cancellationToken = default) =>
        (quality, encoding.Match) switch
        {
            (ClipQuality.Draft, _) => (await CutDraftAsync(source, clip, output, keyframes, options, cancellationToken).ConfigureAwait(false), CutMethod.StreamCopy),
            (_, null) => (await CutPreciseAsync(source, clip, encoding, output, options, cancellationToken).ConfigureAwait(false), CutMethod.ReEncode),
            _ => await SmartCutter.CutAsync(source, keyframes ?? throw new ArgumentException("Smart cuts need the plan's keyframes.", nameof(keyframes)),
                clip, encoding, output, options, cancellationToken).ConfigureAwait(false),
        };

    /// <summary>
    /// Frame-accurate clip: seek before <c>-i</c> (only the needed byte ranges are read; FFmpeg decodes from the
    /// keyframe before and drops frames before the in point), rotation baked in by FFmpeg's autorotate, constant
    /// frame rate, the shared <paramref name="encoding"/>, AAC stereo (silence when the source has no audio, so
    /// every clip concatenates), title and comment from an FFMETADATA file, the source's metadata (e.g. a phone's GPS
    /// location) and chapters dropped. An HDR recording is converted to BT.709 SDR (<see cref="ToneMap"/>) after scaling,
    /// so the costly float conversion works on the clip's pixels, not the source's.
    /// </summary>
    public static async Task<ClipAccuracy> CutPreciseAsync(MediaSource source, ClipRequest clip, ClipEncoding encoding, string output,
        ProcessRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = NextTo(output, options);
        await PartialFile.WriteAsync(output, partial => PreciseCommand(source, clip, encoding, partial).RunAsync(options, cancellationToken)).ConfigureAwait(false);
        return await MeasureAsync(output, clip, clip.In, encoding.FramesPerSecond, options, cancellationToken).ConfigureAwait(false);
    }

    internal static FFMpegArgumentProcessor PreciseCommand(MediaSource source, ClipRequest clip, ClipEncoding encoding, string output)
    {
        var args = FfmpegCommand.From(source.Location, i => { source.Apply(i); i.WithStartTime(clip.In); });
        if (source.Info.Audio is null)
            args.AddInput("anullsrc=r=48000:cl=stereo", i => i.AsLavfi());
        return args.AddMetadata(Metadata(clip)).ToFile(output, o => o
            .WithDuration(clip.Duration)
            .WithMap(0, StreamType.Video, 0).WithMap(source.Info.Audio is null ? 1 : 0, StreamType.Audio, 0)
            // Bilinear: for downscaling this far it looks the same as the default bicubic and costs a tenth less.
            // Constant frame rate, so VFR phone footage does not drift against its audio. Converted by the fps filter: with
            // -r alone FFmpeg 5.1 drops the repeats of the input's last frame, so a clip of a 1 fps source came out short.
            .WithVideoFilters(v => v.WithCustomFilter("scale", $"{encoding.Width}:{encoding.Height}:flags=bilinear").ToSdr(source.Info.Video.Hdr, SdrTarget.Video)
                .WithCustomFilter("setsar", "1").WithCustomFilter("fps", encoding.FrameRate))
            .WithFrameRate(encoding.FrameRate).WithFpsMode(FpsMode.ConstantFrameRate)
            .WithH264(encoding.X264Preset, encoding.Crf).TaggedSdr(source.Info.Video.Hdr)
            .WithAacStereo()
            .WithoutChapters().WithoutStreamMetadata()
            .AsFastStartMp4().WithExactDuration());
    }

    /// <summary>
    /// Draft clip by stream copy: the in point moves back to the keyframe at or before it and the out point
    /// forward to the keyframe at or after it, so no tagged frame is lost. Instant, for previews. With the plan's
    /// <paramref name="keyframes"/> (read once from the container's index) FFmpeg runs once and the accuracy follows
    /// from the index; without, the keyframes are probed around the clip and the clip is read back.
    /// </summary>
    public static async Task<ClipAccuracy> CutDraftAsync(MediaSource source, ClipRequest clip, string output, KeyframeIndex? keyframes = null,
        ProcessRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = NextTo(output, options);
        var indexed = keyframes is { Keyframes.Count: > 0 };
        var (start, end) = indexed ? keyframes!.Around(clip.In, clip.Out, source.Info.Duration)
            : await Keyframes.AroundAsync(source, clip.In, clip.Out, options, cancellationToken).ConfigureAwait(false);
        await PartialFile.WriteAsync(output, partial => DraftCommand(source, clip, start, end, partial).RunAsync(options, cancellationToken)).ConfigureAwait(false);
        return indexed ? new ClipAccuracy(clip.In, clip.Out, start, end, FrameRate(source))
            : await MeasureAsync(output, clip, start, FrameRate(source), options, cancellationToken).ConfigureAwait(false);
    }

    internal static FFMpegArgumentProcessor DraftCommand(MediaSource source, ClipRequest clip, TimeSpan start, TimeSpan end, string output) =>
        // FFMpegCore writes times in whole milliseconds (cut off): seek to the next millisecond after the keyframe, so
        // the printed time cannot land before it (and so on the keyframe before).
        FfmpegCommand.From(source.Location, i => { source.Apply(i); i.WithStartTime(TimeSpan.FromMilliseconds(Math.Floor(start.TotalMilliseconds) + 1)); })
            .AddMetadata(Metadata(clip))
            .ToFile(output, o => o
                // Half a frame short of the closing keyframe, so that keyframe itself is not copied.
                .WithDuration(end - start - TimeSpan.FromSeconds(0.5 / FrameRate(source)))
                .WithMap(0, StreamType.Video, 0).WithOptionalMap("0:a:0")
                .CopyStreams()
                .WithCustomArgument("-avoid_negative_ts make_zero") // no typed option; copied packets start at the keyframe, before the seek point
                .WithoutChapters().WithoutStreamMetadata()
                .WithFastStart().ForceFormat(ContainerFormats.Mp4));

    /// <summary>
    /// The clip's title and comment as an FFMETADATA file (FFMpegCore escapes it and maps it as the global metadata):
    /// the therapist's text never becomes an argument. <see cref="FfMetadata.Prepare"/> does what the builder does not:
    /// CR (which ends a line in FFmpeg's reader) and a trailing backslash.
    /// </summary>
    internal static FFMetadataBuilder Metadata(ClipRequest clip) =>
        new FFMetadataBuilder().WithTitle(FfMetadata.Prepare(clip.Title)).WithTag("comment", FfMetadata.Prepare(clip.Comment));

    /// <summary>Reads the written clip's frame times back: the first frame's start and the last frame's end, in recording time.</summary>
    internal static async Task<ClipAccuracy> MeasureAsync(string output, ClipRequest clip, TimeSpan offset, double framesPerSecond, ProcessRunOptions options, CancellationToken cancellationToken)
    {
        var packets = await MediaProbe.VideoPacketsAsync(output, "-f mov -protocol_whitelist file", MediaProbe.Interval(TimeSpan.Zero, clip.Duration + TimeSpan.FromMinutes(5)),
            options, cancellationToken).ConfigureAwait(false);
        if (packets.Count == 0) throw new UnsupportedMediaException("problem.cut.empty");
        var frame = TimeSpan.FromSeconds(1 / framesPerSecond);
        return new ClipAccuracy(clip.In, clip.Out, offset + packets.Min(p => p.Time), offset + packets.Max(p => p.Time) + frame, framesPerSecond);
    }

    static double FrameRate(MediaSource source) => source.Info.Video.AverageFrameRate > 0 ? source.Info.Video.AverageFrameRate : 25;

    /// <summary>FFMpegCore's metadata file goes next to the output, in the caller's work folder, not the shared temp folder.</summary>
    internal static ProcessRunOptions NextTo(string output, ProcessRunOptions? options) =>
        (options ?? new ProcessRunOptions()) with { TemporaryFilesFolder = Path.GetDirectoryName(Path.GetFullPath(output))! };
}
