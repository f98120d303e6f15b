using System.Globalization;

namespace BasicTrust.Media.SmartCut;

/// <summary>
/// x264 settings that write the same SPS and PPS as a source, so frames we encode and frames copied from it form one
/// stream under one <c>avcC</c>. Only numbers and fixed names: nothing read from the file reaches FFmpeg as text.
/// Whether they really match is checked by a trial encode (<see cref="SmartCutCheck"/>), never assumed.
/// </summary>
/// <param name="PicInitQp">x264 writes its CRF here (rounded), so the re-encoded frames use the source's own quality level.</param>
public sealed record X264Match(string Profile, int Level, int Refs, int BFrames, int BPyramid, bool Cabac, bool Transform8x8,
    bool WeightP, bool WeightB, int PicInitQp, int ChromaQpOffset, bool ConstrainedIntra)
{
    /// <summary>The settings for these headers, or null when x264 cannot write them.</summary>
    internal static X264Match? For(AvcHeaders h)
    {
        var profile = h.Profile switch { 66 => "baseline", 77 => "main", 100 => "high", _ => null };
        if (profile is null || h.ChromaFormat != 1 || h.BitDepth != 8 || h.WeightedBipred == 1 || h.PicInitQp is < 10 or > 40) return null;
        // x264 orders no frames without B-frames (POC type 2), one with, two with a B-pyramid (POC type 0).
        var pyramid = h.ReorderFrames >= 2 ? 2 : 0;
        var bframes = h.ReorderFrames == 0 ? 0 : BFramesFor(h.PocLsbBits, pyramid);
        if ((h.ReorderFrames == 0) != (h.PocType == 2) || bframes < 0) return null;
        return new X264Match(profile, h.Level, h.RefIndexDefault, bframes, pyramid, h.Cabac, h.Transform8x8, h.WeightedPred,
            h.WeightedBipred == 2, h.PicInitQp, h.ChromaQpOffset, h.ConstrainedIntra);
    }

    /// <summary>How many frames a picture's decode time runs ahead of its presentation: as x264 reorders with these settings.</summary>
    internal int ReorderFrames => BPyramid > 0 ? 2 : BFrames > 0 ? 1 : 0;

    /// <summary>A B-frame count for which x264's picture order count field has this many bits (3, x264's default, when it fits).</summary>
    static int BFramesFor(int pocLsbBits, int pyramid) =>
        new[] { 3 }.Concat(Enumerable.Range(1, 16)).FirstOrDefault(b => PocLsbBits(b, pyramid) == pocLsbBits, -1);

    /// <summary>As x264's <c>x264_sps_init</c> sizes <c>log2_max_pic_order_cnt_lsb</c>.</summary>
    static int PocLsbBits(int bframes, int pyramid)
    {
        var maxDelta = (bframes + 2) * (pyramid > 0 ? 2 : 1) * 2;
        var bits = 4;
        while (1 << bits <= maxDelta * 2) bits++;
        return bits;
    }

    /// <summary>
    /// The <c>-x264-params</c> value. <c>psy=0</c>: with psychovisual optimisation x264 moves the chroma QP offset away
    /// from the one asked for.
    /// </summary>
    public string Parameters() => string.Create(CultureInfo.InvariantCulture,
        $"level={Level}:ref={Refs}:bframes={BFrames}:b-pyramid={BPyramid}:cabac={Bit(Cabac)}:8x8dct={Bit(Transform8x8)}:weightp={(WeightP ? 2 : 0)}:weightb={Bit(WeightB)}:psy=0:chroma-qp-offset={ChromaQpOffset}:constrained-intra={Bit(ConstrainedIntra)}:crf={PicInitQp}");

    static int Bit(bool value) => value ? 1 : 0;
}
