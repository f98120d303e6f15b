using BasicTrust.Highlights.Manifest;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Hdr;
using BasicTrust.Media.Indexing;
using BasicTrust.Media.SmartCut;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Clips;

/// <summary>
/// How every clip of one plan is cut, decided once: the shared encoding (with the x264 settings for smart cuts when
/// the recording allows them), the keyframes from the container's index, and why.
/// </summary>
public sealed record CutPlan(ClipEncoding Encoding, KeyframeIndex? Keyframes, string Reason)
{
    /// <summary>
    /// Reads the container index once and, for precise clips, decides between smart cut and re-encoding for all of them:
    /// one way for every clip, so the reel still joins by stream copy. The smart-cut trial encode writes into <paramref name="workFolder"/>.
    /// </summary>
    public static async Task<CutPlan> DecideAsync(MediaSource source, ClipQuality quality, int? height, string preset, string workFolder,
        ProcessRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var index = await ContainerIndex.ReadAsync(source, cancellationToken).ConfigureAwait(false);
        var encoding = ClipEncoding.For(source.Info, height, preset);
        // A draft copies what was recorded: an HDR recording's drafts stay HDR (tagged as such); its stills are converted.
        if (quality == ClipQuality.Draft)
            return new CutPlan(encoding, index?.Keyframes, source.Info.Video.Hdr is { } hdr ? $"draft: copied, so the picture stays HDR ({HdrInfo.Name(hdr.Transfer)})" : "draft");
        var (match, reason) = await SmartCutCheck.DecideAsync(source, index, encoding, workFolder, options, cancellationToken).ConfigureAwait(false);
        return new CutPlan(encoding with { Match = match }, index?.Keyframes, match is null ? $"re-encode: {reason}" : reason);
    }
}
