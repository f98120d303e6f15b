namespace BasicTrust.Highlights.Manifest;

/// <summary>In which order the reel shows its clips.</summary>
public enum ReelOrder
{
    /// <summary>As they happened.</summary>
    Chronological,
    /// <summary>
    /// Strengths, then learning moments, ending on a strength when there is one (the default: feedback starts from
    /// what goes well, so the parent gains confidence).
    /// </summary>
    StrengthsFirst,
    /// <summary>In the order the therapist listed the tags.</summary>
    AsListed,
}

/// <summary>How clips are cut.</summary>
public enum ClipQuality
{
    /// <summary>Frame-accurate re-encode (the default).</summary>
    Precise,
    /// <summary>Stream copy widened outward to keyframes: instant, for previews.</summary>
    Draft,
}

/// <summary>The reel's settings, defaults filled in.</summary>
public sealed record ReelSettings(
    ReelOrder Order,
    TimeSpan PreRoll,
    TimeSpan PostRoll,
    ClipQuality Quality,
    int? Height,
    TimeSpan MaxDuration,
    string Language)
{
    /// <summary>strengths first, 2 s before, 1 s after, precise, the source's size, at most 600 s, Dutch names.</summary>
    public static readonly ReelSettings Default = new(ReelOrder.StrengthsFirst, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1),
        ClipQuality.Precise, null, TimeSpan.FromSeconds(600), "nl");

    /// <summary>The manifest's resolution value: <c>source</c> (keep the recording's size, <see cref="Height"/> null) or e.g. <c>720p</c>.</summary>
    public string Resolution => Height is { } height ? $"{height}p" : SourceResolution;

    /// <summary>The resolution value that keeps the recording's picture size.</summary>
    public const string SourceResolution = "source";
}
