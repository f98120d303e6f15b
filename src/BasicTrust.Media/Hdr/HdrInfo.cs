using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BasicTrust.Media.Hdr;

/// <summary>
/// What makes a recording HDR, as probed: its transfer, its primaries and matrix as ffprobe names them (BT.2020 on
/// phones), its bit depth and its Dolby Vision record. Everything made of it is converted to BT.709 SDR (<see cref="ToneMap"/>).
/// </summary>
public sealed partial record HdrInfo(HdrTransfer Transfer, string? Primaries, string? Matrix, int BitDepth, DolbyVision? DolbyVision = null)
{
    /// <summary>
    /// HDR when the transfer is HLG or PQ, or when a Dolby Vision record is present (a base layer without HDR10 or HLG
    /// tags is coded in PQ); null for everything else, SDR in BT.2020 included.
    /// </summary>
    public static HdrInfo? Detect(string? transfer, string? primaries, string? matrix, string? pixelFormat, IEnumerable<IReadOnlyDictionary<string, JsonValue>>? sideData)
    {
        var dolbyVision = sideData?.Select(DolbyVisionOf).FirstOrDefault(d => d is not null);
        HdrTransfer? coded = transfer switch
        {
            "arib-std-b67" => HdrTransfer.Hlg,
            "smpte2084" => HdrTransfer.Pq,
            _ => dolbyVision is null ? null : HdrTransfer.Pq,
        };
        return coded is { } hdr ? new HdrInfo(hdr, Named(primaries), Named(matrix), DepthOf(pixelFormat), dolbyVision) : null;
    }

    /// <summary>The transfer as people write it (HLG, PQ), for reasons in documents.</summary>
    public static string Name(HdrTransfer transfer) => transfer == HdrTransfer.Hlg ? "HLG" : "PQ";

    /// <summary>Bits per sample from the pixel format's name (<c>yuv420p10le</c>: 10); 8 when it names none.</summary>
    internal static int DepthOf(string? pixelFormat) =>
        DepthSuffix().Match(pixelFormat ?? "") is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 8;

    [GeneratedRegex("p([0-9]{1,2})(le|be)?$")]
    private static partial Regex DepthSuffix();

    static DolbyVision? DolbyVisionOf(IReadOnlyDictionary<string, JsonValue> data) =>
        data.TryGetValue("side_data_type", out var type) && type.TryGetValue<string>(out var name) && name == "DOVI configuration record"
            ? new DolbyVision(Number(data, "dv_profile"), Number(data, "dv_bl_signal_compatibility_id"))
            : null;

    static int Number(IReadOnlyDictionary<string, JsonValue> data, string key) =>
        data.TryGetValue(key, out var value) && value.TryGetValue<int>(out var number) ? number : 0;

    // ffprobe's "unknown" says nothing.
    static string? Named(string? tag) => string.IsNullOrEmpty(tag) || tag == "unknown" ? null : tag;
}
