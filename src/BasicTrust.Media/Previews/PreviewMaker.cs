using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Hdr;
using BasicTrust.Media.Sources;
using FFMpegCore;
using FFMpegCore.Enums;
using BasicTrust.Media.Probing;

namespace BasicTrust.Media.Previews;

/// <summary>
/// Writes a browser-playable MP4 of a recording with the same timeline, so tags made on it stay in the recording's
/// time: every frame kept, timestamps from the source, no trimming. Only what cannot play is redone; a transcoded HDR
/// recording is converted to BT.709 SDR as its clips are.
/// </summary>
public static class PreviewMaker
{
    /// <summary>The preview's largest height: enough to tag by, small to upload and stream.</summary>
    public const int MaxHeight = 720;

    public static Task MakeAsync(MediaSource source, PreviewNeed need, string output, ProcessRunOptions? options = null, CancellationToken cancellationToken = default) =>
        PartialFile.WriteAsync(output, partial => Command(source, need, partial).RunAsync(options, cancellationToken));

    /// <summary>
    /// The codecs of a preview made of segments (RFC 6381), what the page gives Media Source Extensions: H.264 High
    /// (the level an upper bound for 720p at up to 60 fps) and, when the recording has sound, AAC-LC.
    /// </summary>
    public static string SegmentType(MediaInfo info) => $"video/mp4; codecs=\"avc1.640028{(info.Audio is null ? "" : ",mp4a.40.2")}\"";

    /// <summary>
    /// Writes one window of a transcoded preview as a fragmented MP4 that plays on its own or appended after the
    /// windows before it (Media Source Extensions): the window's frames, no more and no fewer, with the recording's own
    /// timestamps, so the pieces join frame for frame and tags stay in the recording's time.
    /// </summary>
    public static Task MakeSegmentAsync(MediaSource source, PreviewSegment segment, bool last, string output, ProcessRunOptions? options = null, CancellationToken cancellationToken = default) =>
        PartialFile.WriteAsync(output, partial => SegmentCommand(source, segment, last, partial).RunAsync(options, cancellationToken));

    /// <summary>
    /// Keyframe times from the index and FFmpeg's timestamps may differ by their rounding: the seek aims just past the
    /// window's keyframe (landing on it) and the cut just before the next one (which the next window starts with).
    /// Frames are further apart than this even at 240 fps.
    /// </summary>
    static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(1);

    internal static FFMpegArgumentProcessor SegmentCommand(MediaSource source, PreviewSegment segment, bool last, string output) =>
        FfmpegCommand.From(source.Location, i =>
        {
            source.Apply(i);
            // Lands on the window's keyframe and decodes from there: nothing before it is read or decoded.
            if (segment.Start > TimeSpan.Zero) i.WithCustomArgument($"-noaccurate_seek -ss {MediaProbe.Seconds(segment.Start + Margin)}");
        }).ToFile(output, o =>
        {
            // The recording's timestamps, kept through the filters into the fragments' decode times (tfdt).
            o.WithMap(0, StreamType.Video, 0).WithOptionalMap("0:a:0").WithCustomArgument("-copyts");
            // No B-frames: the fragments then start at the window's first frame's own time, with no composition offset.
            o.WithH264(EncoderPreset.VeryFast, crf: 26).WithCustomArgument("-bf 0").TaggedSdr(source.Info.Video.Hdr)
                .WithVideoFilters(v =>
                {
                    if (!last) v.WithCustomFilter("trim", $"end={MediaProbe.Seconds(segment.End - Margin)}");
                    v.WithCustomFilter("scale", $"-2:min({MaxHeight},trunc(ih/2)*2)").ToSdr(source.Info.Video.Hdr, SdrTarget.Video);
                })
                .WithFpsMode(FpsMode.Passthrough);
            // The sound of the same window, to the sample.
            string[] window = [.. segment.Start > TimeSpan.Zero ? [$"start={MediaProbe.Seconds(segment.Start)}"] : (string[])[], .. last ? [] : (string[])[$"end={MediaProbe.Seconds(segment.End)}"]];
            if (source.Info.Audio is not null && window.Length > 0) o.WithCustomArgument($"-af atrim={string.Join(':', window)}");
            o.WithAacStereo().WithoutMetadata().WithoutChapters().WithoutStreamMetadata()
                .WithCodecTag("avc1", StreamType.Video).ForceFormat(ContainerFormats.Mp4)
                // Fragments with absolute decode times (https://ffmpeg.org/ffmpeg-formats.html#Options-11).
                .WithCustomArgument("-movflags frag_keyframe+empty_moov+default_base_moof+frag_discont+negative_cts_offsets");
        });

    internal static FFMpegArgumentProcessor Command(MediaSource source, PreviewNeed need, string output) =>
        FfmpegCommand.From(source.Location, source.Apply).ToFile(output, o =>
        {
            o.WithMap(0, StreamType.Video, 0).WithOptionalMap("0:a:0");
            if (need == PreviewNeed.Transcode)
                // Rotation is applied while decoding, so the picture is upright; even sizes for yuv420p.
                // Each frame at its own time: FFmpeg's MP4 default would retime a phone's variable frame rate to a fixed grid.
                o.WithH264(EncoderPreset.VeryFast, crf: 26).TaggedSdr(source.Info.Video.Hdr)
                    .WithVideoFilters(v => v.WithCustomFilter("scale", $"-2:min({MaxHeight},trunc(ih/2)*2)").ToSdr(source.Info.Video.Hdr, SdrTarget.Video))
                    .WithFpsMode(FpsMode.Passthrough);
            else
                o.WithVideoCodec("copy");
            o.WithAacStereo().WithoutMetadata().WithoutChapters().WithoutStreamMetadata().AsFastStartMp4();
        });
}
