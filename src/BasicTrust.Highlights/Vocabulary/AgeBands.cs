namespace BasicTrust.Highlights.Vocabulary;

/// <summary>A child's age as a band of whole years (inclusive): enough for the method's target group, less than a birth date.</summary>
public sealed record AgeBand(string Code, int Min, int Max)
{
    /// <summary>True when every age in the band lies within <paramref name="ages"/>.</summary>
    public bool Within(TargetAges ages) => Min >= ages.Min && Max <= ages.Max;
}

/// <summary>
/// The bands a child's age is given in. Their edges fall where the methods' target groups end (K-VHT under 4,
/// VIPP-SD up to 6, Basic Trust up to 12) and where the law changes who consents (12 and 16).
/// </summary>
public static class AgeBands
{
    public static readonly IReadOnlyList<AgeBand> All =
    [
        new("0-1", 0, 1), new("2-3", 2, 3), new("4-6", 4, 6), new("7-11", 7, 11), new("12-15", 12, 15), new("16-17", 16, 17),
    ];

    /// <summary>The band with this code, or null.</summary>
    public static AgeBand? Find(string code) => All.FirstOrDefault(b => b.Code == code);
}

/// <summary>The children a method is recognised for, in whole years (inclusive), and where that is written.</summary>
public sealed record TargetAges(int Min, int Max, string Source);
