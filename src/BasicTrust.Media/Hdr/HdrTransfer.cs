namespace BasicTrust.Media.Hdr;

/// <summary>How an HDR recording codes light: HLG (iPhones since the 12) or PQ (HDR10, many Android phones).</summary>
public enum HdrTransfer
{
    /// <summary>Hybrid log-gamma, ffprobe's <c>arib-std-b67</c>.</summary>
    Hlg,
    /// <summary>Perceptual quantizer (SMPTE ST 2084), ffprobe's <c>smpte2084</c>.</summary>
    Pq,
}
