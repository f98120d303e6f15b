using System.Globalization;
using FFMpegCore;
using FFMpegCore.Arguments;

namespace BasicTrust.Media.Hdr;

/// <summary>
/// Converts an HDR picture to BT.709 SDR with FFmpeg's <c>zscale</c> (zimg) and <c>tonemap</c> filters: to linear
/// light with HDR reference white (BT.2408: 203 cd/m²) as 1.0, BT.2020 primaries to BT.709, highlights up to
/// <see cref="PeakNits"/> rolled off by the Möbius curve, then BT.709's transfer. Clips, stills and previews use the
/// same chain, so a still shows what its clip shows. Only fixed names and our own numbers reach FFmpeg.
/// See docs/media.md, "HDR recordings", for why this operator and these numbers.
/// </summary>
public static class ToneMap
{
    /// <summary>HDR reference white in cd/m² (BT.2408): it becomes SDR white, so what lies below keeps SDR's levels (mid-grey stays mid-grey).</summary>
    public const int ReferenceWhiteNits = 203;

    /// <summary>The brightest highlight the roll-off keeps apart in cd/m²: HLG's nominal display peak, and what phones grade HDR10 for. Brighter is white.</summary>
    public const int PeakNits = 1000;

    /// <summary>
    /// Möbius: straight (unchanged) up to this fraction of reference white, a smooth curve from there that reaches white at
    /// <see cref="PeakNits"/>. 0.6 puts reference white at 92 % and leaves the rest for highlights.
    /// </summary>
    public const double Knee = 0.6;

    /// <summary>The output tags of a converted video; FFmpeg would otherwise copy the source's BT.2020 and HLG or PQ tags.</summary>
    public const string Bt709Tags = "-color_primaries bt709 -color_trc bt709 -colorspace bt709";

    /// <summary>Adds the conversion to <paramref name="filters"/> when the recording is HDR; an SDR recording's filters stay as they are.</summary>
    public static VideoFilterOptions ToSdr(this VideoFilterOptions filters, HdrInfo? hdr, SdrTarget target)
    {
        if (hdr is null) return filters;
        foreach (var (name, arguments) in Filters(hdr, target)) filters.WithCustomFilter(name, arguments);
        return filters;
    }

    /// <summary>Tags the output BT.709 when the recording is HDR (after <see cref="ToSdr"/>); an SDR recording's output stays as it is.</summary>
    public static FFMpegOutputOptions TaggedSdr(this FFMpegOutputOptions output, HdrInfo? hdr) =>
        hdr is null ? output : output.WithCustomArgument(Bt709Tags);

    /// <summary>The filters in order, as name and arguments.</summary>
    public static IReadOnlyList<(string Name, string Arguments)> Filters(HdrInfo hdr, SdrTarget target) =>
    [
        // The input's coding named, not read from the frames: a Dolby Vision base layer may carry no tags.
        ("zscale", $"tin={Transfer(hdr.Transfer)}:pin={Primaries(hdr)}:min={Matrix(hdr)}:t=linear:npl={ReferenceWhiteNits}"),
        // tonemap works on float RGB in linear light.
        ("format", "gbrpf32le"),
        ("zscale", "p=bt709"),
        // desat=0: no extra greying of bright colours; the peak given, as tonemap's own guess assumes 100 cd/m² as 1.0.
        ("tonemap", string.Create(CultureInfo.InvariantCulture, $"mobius:param={Knee:0.0##}:peak={PeakNits / (double)ReferenceWhiteNits:0.000000}:desat=0")),
        ("zscale", "t=bt709"),
        // Colours outside BT.709 clipped as RGB: clipped after the matrix, a saturated red came out 19 levels apart in the
        // clip (BT.709 matrix) and the still (BT.601).
        ("format", "gbrp16le"),
        target == SdrTarget.Video ? ("zscale", "m=bt709:r=tv") : ("zscale", "m=bt470bg:r=full"),
        ("format", target == SdrTarget.Video ? "yuv420p" : "yuvj420p"),
    ];

    static string Transfer(HdrTransfer transfer) => transfer == HdrTransfer.Hlg ? "arib-std-b67" : "smpte2084";

    // Phones record BT.2020; a recording tagged otherwise names BT.709 (the only other seen with HLG), else BT.2020 is assumed.
    static string Primaries(HdrInfo hdr) => hdr.Primaries == "bt709" ? "bt709" : "bt2020";

    static string Matrix(HdrInfo hdr) => hdr.Matrix == "bt709" ? "bt709" : "bt2020nc";
}
