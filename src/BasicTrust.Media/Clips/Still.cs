using System.Globalization;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Hdr;
using BasicTrust.Media.Probing;
using BasicTrust.Media.Sources;
using FFMpegCore;
using FFMpegCore.Enums;

namespace BasicTrust.Media.Clips;

/// <summary>A JPEG of one moment (a tag's key moment), upright and at the clips' size; of an HDR recording, converted as its clips are.</summary>
public static class Still
{
    /// <summary>
    /// Writes the frame shown at <paramref name="at"/> to <paramref name="output"/> (JPEG): the last frame that starts at
    /// or before it, so a moment at or past the recording's last frame shows that last frame.
    /// </summary>
    public static Task SaveAsync(MediaSource source, TimeSpan at, ClipEncoding encoding, string output,
        ProcessRunOptions? options = null, CancellationToken cancellationToken = default) =>
        PartialFile.WriteAsync(output, partial => Command(source, at, encoding, partial).RunAsync(options, cancellationToken));

    /// <summary>How wide the small still is: what the pages show (a phone's card, the list of clips).</summary>
    public const int SmallWidth = 320;

    /// <summary>
    /// Writes a <see cref="SmallWidth"/> px wide copy of <paramref name="still"/> (its height in proportion, even) to
    /// <paramref name="output"/>: pages load it instead of the full still, which is the clips' size.
    /// </summary>
    public static Task SaveSmallAsync(string still, string output, ProcessRunOptions? options = null, CancellationToken cancellationToken = default) =>
        PartialFile.WriteAsync(output, partial => SmallCommand(still, partial).RunAsync(options, cancellationToken));

    internal static FFMpegArgumentProcessor SmallCommand(string still, string output) =>
        FfmpegCommand.From(still).ToFile(output, o => o
            .WithVideoFilters(v => v.WithCustomFilter("scale", $"{SmallWidth}:-2"))
            .WithoutMetadata()
            .WithVideoQualityScale(4).WithVideoCodec(VideoCodec.Image.Jpg).ForceFormat(ContainerFormats.Image2)
            .WithCustomArgument("-update 1"));

    /// <summary>
    /// Seeking to the moment itself gives the first frame at or after it, and nothing at all at the very end. So the run
    /// seeks a little earlier, keeps the frames up to the moment and writes each over the same file (<c>-update 1</c>):
    /// the one left is the frame shown then.
    /// </summary>
    internal static FFMpegArgumentProcessor Command(MediaSource source, TimeSpan at, ClipEncoding encoding, string output)
    {
        var from = SeekFrom(source.Info, at);
        var upTo = (at - from).TotalSeconds;
        return FfmpegCommand.From(source.Location, i => { source.Apply(i); i.WithStartTime(from); })
            .ToFile(output, o => o
                .WithMap(0, StreamType.Video, 0)
                // trim stops reading a frame after the moment (it compares in the stream's ticks, too coarse to decide);
                // select keeps exactly the frames that start by then, a microsecond more for one starting on the moment
                // (FFMpegCore escapes the comma for the filter graph).
                .WithVideoFilters(v => v.WithCustomFilter("trim", $"end={Seconds(upTo + FrameDuration(source.Info.Video).TotalSeconds)}")
                    .WithCustomFilter("select", $"lte(t,{Seconds(upTo + 0.000001)})")
                    .WithCustomFilter("scale", $"{encoding.Width}:{encoding.Height}").ToSdr(source.Info.Video.Hdr, SdrTarget.Jpeg).WithCustomFilter("setsar", "1"))
                .WithFpsMode(FpsMode.Passthrough) // each decoded frame once: the last one written is the last one kept
                .WithoutMetadata().WithoutChapters()
                // mjpeg quality scale: 2 is best, 31 worst; 3 is visually clean at a few tens of kB.
                .WithVideoQualityScale(3).WithVideoCodec(VideoCodec.Image.Jpg).ForceFormat(ContainerFormats.Image2)
                .WithCustomArgument("-update 1")); // no typed option: one image, overwritten, not a numbered sequence
    }

    /// <summary>
    /// Two frames before the moment, and at least a second before the recording's end (its sound may run on after the
    /// last picture), in whole milliseconds: FFMpegCore prints the seek in milliseconds, so trim's end is exact.
    /// </summary>
    internal static TimeSpan SeekFrom(MediaInfo info, TimeSpan at)
    {
        var from = at - 2 * FrameDuration(info.Video);
        if (info.Duration > TimeSpan.Zero) from = TimeSpan.FromTicks(Math.Min(from.Ticks, (info.Duration - TimeSpan.FromSeconds(1)).Ticks));
        return from <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Floor(from.TotalMilliseconds));
    }

    static string Seconds(double seconds) => seconds.ToString("0.000000", CultureInfo.InvariantCulture);

    /// <summary>The longest a frame can last by the probed rates (25 fps when neither is known).</summary>
    static TimeSpan FrameDuration(VideoStreamInfo video)
    {
        var rates = new[] { video.AverageFrameRate, video.RealFrameRate }.Where(r => r > 0).ToList();
        return TimeSpan.FromSeconds(1 / (rates.Count > 0 ? rates.Min() : 25));
    }
}
