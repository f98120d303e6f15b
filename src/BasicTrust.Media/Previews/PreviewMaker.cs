using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Hdr;
using BasicTrust.Media.Sources;
using FFMpegCore;
using FFMpegCore.Enums;

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
