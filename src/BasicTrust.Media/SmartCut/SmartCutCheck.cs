using BasicTrust.Media.Clips;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Hdr;
using BasicTrust.Media.Indexing;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.SmartCut;

/// <summary>
/// Decides once per plan whether its clips may be smart-cut. All clips of a plan are cut the same way, so the reel is
/// still joined by stream copy.
/// </summary>
public static class SmartCutCheck
{
    /// <summary>
    /// The x264 settings for smart cuts, or null and the reason to re-encode: the source must be SDR (copied HDR frames
    /// would keep their HLG or PQ light beside converted ones, and mis-tagged as BT.709), progressive 8-bit
    /// 4:2:0 H.264 in MP4, upright, every frame the same length at the clips' frame rate, closed GOPs, the clips at the
    /// source's size, and a trial encode of its first frames (written into <paramref name="workFolder"/>, the caller's,
    /// so a crash leaves nothing outside it) must write byte-identical SPS and PPS.
    /// </summary>
    public static async Task<(X264Match? Match, string Reason)> DecideAsync(MediaSource source, ContainerIndex? index, ClipEncoding encoding,
        string workFolder, ProcessRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var video = source.Info.Video;
        if (video.Hdr is { } hdr) return (null, $"the source is HDR ({HdrInfo.Name(hdr.Transfer)}), converted to SDR");
        if (video.Codec != "h264") return (null, $"the source is {video.Codec}, not H.264");
        if (video.Rotation != 0) return (null, "the source is rotated");
        if (video.PixelFormat != "yuv420p") return (null, $"the source's pixel format is {video.PixelFormat}");
        if (index?.ParameterSets is not { } sets) return (null, "the container has no MP4 index with H.264 parameter sets");
        var keyframes = index.Keyframes;
        if (!keyframes.IsConstantFrameRate) return (null, "the source's frame rate is variable");
        if (Math.Abs((double)keyframes.FrameDuration / keyframes.Timescale - 1 / encoding.FramesPerSecond) > 1e-6) return (null, "the clips' frame rate differs from the source's");
        if (keyframes.OpenGop) return (null, "the source has open GOPs");
        if ((encoding.Width, encoding.Height) != (video.Width, video.Height)) return (null, "the clips are scaled");
        if (AvcHeaders.Parse(sets) is not { } headers || X264Match.For(headers) is not { } match) return (null, "the source's parameter sets are not ones x264 writes");
        var numbers = keyframes.KeyframeNumbers().ToList();
        if (numbers.Zip(numbers.Skip(1), (a, b) => b - a).Any(gop => gop <= match.ReorderFrames + 1)) return (null, "the source's GOPs are too short to copy");
        var trial = await TrialAsync(source, keyframes, encoding with { Match = match }, Path.Combine(workFolder, "trial.mp4"), options, cancellationToken).ConfigureAwait(false);
        return trial is not null && trial.SameAs(sets) ? (match, "smart cut") : (null, "a trial encode wrote different parameter sets");
    }

    /// <summary>The parameter sets our encoder writes for the source's first frames with these settings.</summary>
    static async Task<AvcParameterSets?> TrialAsync(MediaSource source, KeyframeIndex keyframes, ClipEncoding encoding, string output, ProcessRunOptions? options, CancellationToken cancellationToken)
    {
        try
        {
            await SmartCutter.EncodeCommand(source, keyframes, encoding, 0, Math.Min(3, keyframes.FrameCount), output, "mp4")
                .RunAsync(options, cancellationToken).ConfigureAwait(false);
            var trial = await ContainerIndex.ReadAsync(new MediaSource(output, source.Info with { FormatName = "mov" }), cancellationToken).ConfigureAwait(false);
            return trial?.ParameterSets;
        }
        finally
        {
            File.Delete(output);
        }
    }
}
