using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BasicTrust.Media.Hdr;

/// <summary>How an HDR recording codes light: HLG (iPhones since the 12) or PQ (HDR10, many Android phones).</summary>
public enum HdrTransfer
{
    /// <summary>Hybrid log-gamma, ffprobe's <c>arib-std-b67</c>.</summary>
    Hlg,
    /// <summary>Perceptual quantizer (SMPTE ST 2084), ffprobe's <c>smpte2084</c>.</summary>
    Pq,
}

/// <summary>A Dolby Vision configuration record: its profile and what its base layer is compatible with (iPhones write 8.4: HLG).</summary>
public sealed record DolbyVision(int Profile, int Compatibility)
{
    /// <summary>As Dolby writes it: <c>8.4</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Profile}.{Compatibility}");
}

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
