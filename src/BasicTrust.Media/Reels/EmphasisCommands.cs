using BasicTrust.Highlights.Time;
using BasicTrust.Media.Clips;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Indexing;
using BasicTrust.Media.Probing;
using BasicTrust.Media.SmartCut;
using BasicTrust.Media.Sources;
using FFMpegCore;
using FFMpegCore.Enums;

namespace BasicTrust.Media.Reels;

/// <summary>
/// The FFmpeg runs of an emphasised clip's reel version, as the smart cut makes its parts: MPEG-TS parts with their
/// timestamps set here, joined end to end by the concat protocol, and the sound made apart and copied in.
/// </summary>
internal static class EmphasisCommands
{
    /// <summary>
    /// Every part's timestamps are this much later than the clip's own: a clip with B-frames decodes its first frame
    /// before it is shown (a negative decode time), which the MPEG-TS muxer would otherwise move, and that part only.
    /// The join starts the reel version at zero again.
    /// </summary>
    internal static readonly TimeSpan Lead = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A part copied as cut, at its frames' own times plus <see cref="EmphasisPart.Shift"/>. Past the first frame it seeks
    /// half a frame before it and drops what it read before its keyframe (FFmpeg compares a copied packet's decode time,
    /// which <paramref name="reorderFrames"/> B-frames put before its picture's, and starts on a keyframe).
    /// </summary>
    public static FFMpegArgumentProcessor Copy(MediaSource clip, KeyframeIndex keyframes, int reorderFrames, EmphasisPart part, string output)
    {
        var shift = keyframes.Time(part.Shift * keyframes.FrameDuration) + Lead;
        if (part.From == 0)
            return FfmpegCommand.From(clip.Location, i => { clip.Apply(i); i.WithCustomArgument("-copyts"); })
                .ToFile(output, o => AsPart(o.WithMap(0, StreamType.Video, 0).WithCustomArgument($"-output_ts_offset {MediaProbe.Seconds(shift)}"), part.To - part.From).CopyStreams());
        var dropBefore = keyframes.FrameTime(Math.Max(0, part.From - reorderFrames - 1));
        return FfmpegCommand.From(clip.Location, i => { clip.Apply(i); i.WithStartTime(HalfFrameBefore(keyframes, part.From)).WithCustomArgument("-copyts"); })
            .ToFile(output, o => AsPart(o.WithMap(0, StreamType.Video, 0)
                .WithCustomArgument($"-ss {MediaProbe.Seconds(dropBefore)} -output_ts_offset {MediaProbe.Seconds(dropBefore + shift)}"), part.To - part.From).CopyStreams());
    }

    /// <summary>
    /// A part decoded from its first frame (a keyframe) and encoded with the clip's encoding, each frame at the time
    /// <see cref="EmphasisFilters.Timestamps"/> gives it; <c>tpad</c> repeats the last frame, for an emphasis at the clip's end.
    /// </summary>
    public static FFMpegArgumentProcessor Encode(MediaSource clip, KeyframeIndex keyframes, ClipEncoding encoding, EmphasisPart part, string output)
    {
        var grid = FrameGrid.Parse(encoding.FrameRate);
        return FfmpegCommand.From(clip.Location, i => { clip.Apply(i); if (part.From > 0) i.WithStartTime(HalfFrameBefore(keyframes, part.From)); })
            .ToFile(output, o =>
            {
                o.WithMap(0, StreamType.Video, 0)
                    .WithVideoFilters(v => v.WithCustomFilter("setpts", EmphasisFilters.Timestamps(part, grid))
                        .WithCustomFilter("tpad", "stop=-1:stop_mode=clone").WithCustomFilter("fps", encoding.FrameRate))
                    .WithFpsMode(FpsMode.Passthrough);
                // The clip's own encoder settings, so the encoded frames share the copied ones' SPS and PPS (and the reel's).
                if (encoding.Match is null) o.WithH264(encoding.X264Preset, encoding.Crf);
                else SmartCutter.WithMatchedX264(o, encoding);
                AsPart(o.WithCustomArgument($"-output_ts_offset {MediaProbe.Seconds(Lead)}"), part.Frames);
            });
    }

    /// <summary>The reel version's sound (AAC stereo, 48 kHz) through <see cref="EmphasisFilters.Sound"/>'s graph.</summary>
    public static FFMpegArgumentProcessor Sound(MediaSource clip, string graph, string output) =>
        FfmpegCommand.From(clip.Location, clip.Apply)
            .ToFile(output, o => o.WithCustomArgument($"-filter_complex {graph} -map [a]").WithAacStereo().ForceFormat(ContainerFormats.Mp4));

    /// <summary>
    /// The parts' video and the sound copied into one MP4 whose video has the clip's timescale: the reel's concat demuxer
    /// takes every clip's timestamps in the first clip's, without converting them.
    /// </summary>
    public static FFMpegArgumentProcessor Join(IReadOnlyList<string> parts, string? sound, long timescale, string output) =>
        FfmpegCommand.From($"concat:{string.Join('|', parts)}", i => i.WithCustomArgument($"-f {SmartCutter.MpegTs}").WithProtocolWhitelist(["concat", "file"]))
            .AddInput(sound ?? "anullsrc=r=48000:cl=stereo", i => { if (sound is null) i.AsLavfi(); else i.ForceFormat(ContainerFormats.Mp4).WithProtocolWhitelist(["file"]); })
            .ToFile(output, o =>
            {
                o.WithMap(0, StreamType.Video, 0).WithMap(1, StreamType.Audio, 0).CopyStreams();
                if (sound is null) o.WithAacStereo().WithCustomArgument("-shortest");
                o.WithCustomArgument("-map_metadata -1").WithoutChapters().AsFastStartMp4().WithExactDuration()
                    .WithCustomArgument($"-video_track_timescale {timescale}");
            });

    static FFMpegOutputOptions AsPart(FFMpegOutputOptions output, int frames) =>
        SmartCutter.AsPart(output.WithFrameCount(frames), SmartCutter.MpegTs);

    /// <summary>Half a frame before <paramref name="frame"/>: FFMpegCore's whole milliseconds cannot miss the frame.</summary>
    static TimeSpan HalfFrameBefore(KeyframeIndex keyframes, int frame) =>
        keyframes.FrameTime(frame) - keyframes.Time(keyframes.FrameDuration) / 2;
}
