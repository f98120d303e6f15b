using BasicTrust.Media.Indexing;

namespace BasicTrust.Media.SmartCut;

/// <summary>
/// The fields of an H.264 SPS and PPS that decide which x264 settings could write the same parameter sets. Streams
/// with features x264 never writes here (scaling matrices, interlacing, HRD, slice groups, POC type 1) give null.
/// </summary>
sealed record AvcHeaders(int Profile, int Level, int ChromaFormat, int BitDepth, int PocType, int PocLsbBits, int MaxRefFrames, int ReorderFrames,
    bool Cabac, int RefIndexDefault, bool WeightedPred, int WeightedBipred, int PicInitQp, int ChromaQpOffset, bool ConstrainedIntra, bool Transform8x8)
{
    static readonly HashSet<int> HighProfiles = [100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135];

    public static AvcHeaders? Parse(AvcParameterSets sets)
    {
        try
        {
            return Parse(new BitReader(sets.Sps), new BitReader(sets.Pps));
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    static AvcHeaders? Parse(BitReader sps, BitReader pps)
    {
        var (profile, _, level) = (sps.Bits(8), sps.Bits(8), sps.Bits(8));
        sps.Unsigned(); // seq_parameter_set_id
        var (chroma, depth) = (1, 8);
        if (HighProfiles.Contains(profile))
        {
            chroma = sps.Unsigned();
            if (chroma == 3) sps.Flag();
            depth = 8 + sps.Unsigned();
            if (sps.Unsigned() != depth - 8) return null; // chroma depth differs
            sps.Flag(); // qpprime_y_zero_transform_bypass
            if (sps.Flag()) return null; // scaling matrices
        }
        sps.Unsigned(); // log2_max_frame_num: follows from the reference settings in x264
        var pocType = sps.Unsigned();
        var pocLsbBits = pocType == 0 ? sps.Unsigned() + 4 : 0;
        if (pocType == 1) return null;
        var maxRefs = sps.Unsigned();
        sps.Flag(); sps.Unsigned(); sps.Unsigned(); // gaps, width, height
        if (!sps.Flag()) return null; // field coding
        sps.Flag(); // direct_8x8_inference
        if (sps.Flag()) { sps.Unsigned(); sps.Unsigned(); sps.Unsigned(); sps.Unsigned(); } // cropping
        if (!sps.Flag() || VuiReorderFrames(sps) is not { } reorder) return null; // x264 always writes VUI

        pps.Unsigned(); pps.Unsigned(); // pic and seq parameter set ids
        var cabac = pps.Flag();
        pps.Flag(); // bottom_field_pic_order_in_frame_present
        if (pps.Unsigned() != 0) return null; // slice groups
        var refIndex = pps.Unsigned() + 1;
        pps.Unsigned(); // num_ref_idx_l1_default_active
        var (weightedPred, weightedBipred) = (pps.Flag(), pps.Bits(2));
        var picInitQp = 26 + pps.Signed();
        pps.Signed(); // pic_init_qs
        var chromaQpOffset = pps.Signed();
        pps.Flag(); // deblocking_filter_control_present
        var constrainedIntra = pps.Flag();
        pps.Flag(); // redundant_pic_cnt_present
        var transform8x8 = false;
        if (pps.MoreData())
        {
            transform8x8 = pps.Flag();
            if (pps.Flag()) return null; // scaling matrices
            if (pps.Signed() != chromaQpOffset) return null;
        }
        return new AvcHeaders(profile, level, chroma, depth, pocType, pocLsbBits, maxRefs, reorder, cabac, refIndex, weightedPred, weightedBipred,
            picInitQp, chromaQpOffset, constrainedIntra, transform8x8);
    }

    /// <summary>Reads the VUI up to <c>max_num_reorder_frames</c>; null when it has HRD parameters or no bitstream restriction.</summary>
    static int? VuiReorderFrames(BitReader vui)
    {
        if (vui.Flag() && vui.Bits(8) == 255) vui.Bits(32); // aspect ratio, extended SAR
        if (vui.Flag()) vui.Flag(); // overscan
        if (vui.Flag()) { vui.Bits(4); if (vui.Flag()) vui.Bits(24); } // video signal type, colour description
        if (vui.Flag()) { vui.Unsigned(); vui.Unsigned(); } // chroma location
        if (vui.Flag()) { vui.Bits(32); vui.Bits(32); vui.Flag(); } // timing
        if (vui.Flag() || vui.Flag()) return null; // NAL or VCL HRD
        vui.Flag(); // pic_struct_present
        if (!vui.Flag()) return null;
        vui.Flag(); vui.Unsigned(); vui.Unsigned(); vui.Unsigned(); vui.Unsigned();
        return vui.Unsigned();
    }
}
