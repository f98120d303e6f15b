using System.Globalization;

namespace BasicTrust.Media.Hdr;

/// <summary>A Dolby Vision configuration record: its profile and what its base layer is compatible with (iPhones write 8.4: HLG).</summary>
public sealed record DolbyVision(int Profile, int Compatibility)
{
    /// <summary>As Dolby writes it: <c>8.4</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Profile}.{Compatibility}");
}
