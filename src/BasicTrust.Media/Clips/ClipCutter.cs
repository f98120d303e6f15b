using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Clips;

/// <summary>Cuts clips from an accepted recording: precise (re-encoded, frame-accurate) or draft (stream copy).</summary>
public static class ClipCutter
{
    /// <summary>
    /// Frame-accurate clip: seek before <c>-i</c> (only the needed byte ranges are read; FFmpeg decodes from the
    /// keyframe before and drops frames before the in point), rotation baked in by FFmpeg's autorotate, constant
    /// frame rate, the shared <paramref name="encoding"/>, AAC stereo (silence when the source has no audio, so
    /// every clip concatenates), source metadata (e.g. a phone's GPS location) dropped.
    /// </summary>
    public static async Task<ClipAccuracy> CutPreciseAsync(MediaSource source, ClipRequest clip, ClipEncoding encoding, string output,
        ProcessRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var args = new FfmpegArguments().LogLevel("error").ProgressToStdout()
            .Input(source.Location, i => { source.Apply(i); i.Seek(clip.In); });
        if (source.Info.Audio is null)
            args.Input("anullsrc=r=48000:cl=stereo", i => i.Lavfi());
        await PartialFile.WriteAsync(output, partial => ProcessRunner.RunAsync("ffmpeg", args.Output(partial, o => o
            .Duration(clip.Duration)
            .Map("0:v:0").Map(source.Info.Audio is null ? "1:a:0" : "0:a:0")
            // Bilinear: for downscaling this far it looks the same as the default bicubic and costs a tenth less.
            .VideoFilter($"scale={encoding.Width}:{encoding.Height}:flags=bilinear,setsar=1")
            .ConstantFrameRate(encoding.FrameRate)
            .H264(encoding.Preset, encoding.Crf)
            .Aac()
            .DropSourceMetadata()
            .Metadata("title", clip.Title).Metadata("comment", clip.Comment)
            .Mp4FastStart()).Build(), options, cancellationToken)).ConfigureAwait(false);
        return await MeasureAsync(output, clip, clip.In, encoding.FramesPerSecond, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Draft clip by stream copy: the in point moves back to the keyframe at or before it and the out point
    /// forward to the keyframe at or after it, so no tagged frame is lost. Instant, for previews.
    /// </summary>
    public static async Task<ClipAccuracy> CutDraftAsync(MediaSource source, ClipRequest clip, string output,
        ProcessRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (start, end) = await Keyframes.AroundAsync(source, clip.In, clip.Out, options, cancellationToken).ConfigureAwait(false);
        var rate = source.Info.Video.AverageFrameRate > 0 ? source.Info.Video.AverageFrameRate : 25;
        var args = new FfmpegArguments().LogLevel("error").ProgressToStdout()
            // Half a millisecond past the keyframe: rounding of the printed time must not land on the keyframe before.
            .Input(source.Location, i => { source.Apply(i); i.Seek(start + TimeSpan.FromTicks(5000)); });
        await PartialFile.WriteAsync(output, partial => ProcessRunner.RunAsync("ffmpeg", args.Output(partial, o => o
            // Half a frame short of the closing keyframe, so that keyframe itself is not copied.
            .Duration(end - start - TimeSpan.FromSeconds(0.5 / rate))
            .Map("0:v:0").Map("0:a:0?")
            .CopyAll()
            .Custom("-avoid_negative_ts", "make_zero")
            .DropSourceMetadata()
            .Metadata("title", clip.Title).Metadata("comment", clip.Comment)
            .Custom("-movflags", "+faststart", "-f", "mp4")).Build(), options, cancellationToken)).ConfigureAwait(false);
        return await MeasureAsync(output, clip, start, rate, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the written clip's frame times back: the first frame's start and the last frame's end, in recording time.</summary>
    static async Task<ClipAccuracy> MeasureAsync(string output, ClipRequest clip, TimeSpan offset, double framesPerSecond, CancellationToken cancellationToken)
    {
        var packets = await MediaProbe.VideoPacketsAsync(output, ["-f", "mov", "-protocol_whitelist", "file"], MediaProbe.Interval(TimeSpan.Zero, clip.Duration + TimeSpan.FromMinutes(5)),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        if (packets.Count == 0) throw new UnsupportedMediaException("The clip came out empty: the recording has no pictures at that point.");
        var frame = TimeSpan.FromSeconds(1 / framesPerSecond);
        return new ClipAccuracy(clip.In, clip.Out, offset + packets.Min(p => p.Time), offset + packets.Max(p => p.Time) + frame, framesPerSecond);
    }
}
