using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Indexing;

/// <summary>What the container's own index says about the first video stream: its keyframes and, for H.264 in MP4, the parameter sets.</summary>
/// <param name="ParameterSets">The H.264 SPS and PPS (without start codes) from the MP4's <c>avcC</c>; null for other codecs and containers.</param>
public sealed record ContainerIndex(KeyframeIndex Keyframes, AvcParameterSets? ParameterSets)
{
    /// <summary>Indexes larger than this are not read (a 4-hour recording's MP4 index is a few MB).</summary>
    internal const int MaxIndexBytes = 64 << 20;

    /// <summary>
    /// Reads the index with a few range reads: the MP4 <c>moov</c> box, or the Matroska Cues. Null when the container
    /// has none (a fragmented MP4, an AVI, a Matroska file without Cues): then clips probe their keyframes themselves.
    /// </summary>
    public static async Task<ContainerIndex?> ReadAsync(MediaSource source, CancellationToken cancellationToken = default)
    {
        using var bytes = await ByteRanges.OpenAsync(source.Location, cancellationToken).ConfigureAwait(false);
        try
        {
            return MediaPolicy.Demuxer(source.Info) switch
            {
                "mov" => await Mp4Index.ReadAsync(bytes, cancellationToken).ConfigureAwait(false),
                "matroska" => await MatroskaCues.ReadAsync(bytes, cancellationToken).ConfigureAwait(false),
                _ => null,
            };
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            return null; // an index we cannot make sense of is as good as none: FFmpeg's own probing still works
        }
    }
}

/// <summary>An H.264 stream's sequence and picture parameter sets, as the <c>avcC</c> box holds them.</summary>
public sealed record AvcParameterSets(byte[] Sps, byte[] Pps)
{
    /// <summary>Byte-for-byte equality: a clip may mix our encoder's frames with copied ones only when this holds.</summary>
    public bool SameAs(AvcParameterSets other) => Sps.AsSpan().SequenceEqual(other.Sps) && Pps.AsSpan().SequenceEqual(other.Pps);
}
