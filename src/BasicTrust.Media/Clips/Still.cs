using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Sources;
using FFMpegCore;
using FFMpegCore.Enums;

namespace BasicTrust.Media.Clips;

/// <summary>A JPEG of one moment (a tag's key moment), upright and at the clips' size.</summary>
public static class Still
{
    /// <summary>Writes the frame shown at <paramref name="at"/> to <paramref name="output"/> (JPEG).</summary>
    public static Task SaveAsync(MediaSource source, TimeSpan at, ClipEncoding encoding, string output,
        ProcessRunOptions? options = null, CancellationToken cancellationToken = default) =>
        PartialFile.WriteAsync(output, partial => Command(source, at, encoding, partial).RunAsync(options, cancellationToken));

    internal static FFMpegArgumentProcessor Command(MediaSource source, TimeSpan at, ClipEncoding encoding, string output) =>
        FfmpegCommand.From(source.Location, i => { source.Apply(i); i.WithStartTime(at); })
            .ToFile(output, o => o
                .WithMap(0, StreamType.Video, 0).WithFrameCount(1)
                .WithVideoFilters(v => v.WithCustomFilter("scale", $"{encoding.Width}:{encoding.Height}").WithCustomFilter("setsar", "1"))
                .WithoutMetadata().WithoutChapters()
                // mjpeg quality scale: 2 is best, 31 worst; 3 is visually clean at a few tens of kB.
                .WithVideoQualityScale(3).WithVideoCodec(VideoCodec.Image.Jpg).ForceFormat(ContainerFormats.Image2)
                .WithCustomArgument("-update 1")); // no typed option: one image, not a numbered sequence
}
