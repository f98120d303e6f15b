using System.Globalization;
using System.Text.RegularExpressions;

namespace BasicTrust.Highlights.Time;

/// <summary>
/// Times as therapists write them: seconds as a number, or <c>ss(.fff)</c>, <c>mm:ss(.fff)</c>,
/// <c>hh:mm:ss(.fff)</c>. Kept to whole milliseconds so equal inputs give equal plans everywhere.
/// </summary>
public static partial class TimeCode
{
    /// <summary>Parses a time string; null if it is not one of the accepted forms.</summary>
    public static TimeSpan? TryParse(string text)
    {
        var m = Pattern().Match(text.Trim());
        if (!m.Success) return null;
        long Part(string name) => m.Groups[name].Success ? long.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var hasMinutes = m.Groups["m"].Success;
        // In mm:ss and hh:mm:ss the seconds (and minutes after hours) are clock digits, below 60.
        if (hasMinutes && Part("s") >= 60) return null;
        if (m.Groups["h"].Success && Part("m") >= 60) return null;
        var fraction = m.Groups["f"].Success ? double.Parse("0." + m.Groups["f"].Value, CultureInfo.InvariantCulture) : 0;
        var seconds = Part("h") * 3600 + Part("m") * 60 + Part("s") + fraction;
        return FromSeconds(seconds);
    }

    /// <summary>A number of seconds, rounded to whole milliseconds; null if negative, not finite or beyond 100 hours.</summary>
    public static TimeSpan? FromSeconds(double seconds) =>
        double.IsFinite(seconds) && seconds >= 0 && seconds <= 360_000 ? TimeSpan.FromMilliseconds(Math.Round(seconds * 1000)) : null;

    /// <summary><c>h:mm:ss.fff</c> or <c>mm:ss.fff</c>, as a therapist reads it; 25 hours are 25:00:00.000.</summary>
    public static string Format(TimeSpan time)
    {
        // TimeSpan's "h" is the hours within a day: 25 hours would read 1:00:00.000.
        var minutes = time.ToString(@"mm\:ss\.fff", CultureInfo.InvariantCulture);
        return time.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(long)time.TotalHours}:{minutes}") : minutes;
    }

    /// <summary>Seconds with three decimals, invariant: for machines (JSON, FFmpeg, hashes).</summary>
    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    // [0-9], not \d: \d also matches other scripts' digits ("١٢"), which the number parsing then refuses.
    [GeneratedRegex(@"^(?:(?:(?<h>[0-9]{1,3}):)?(?<m>[0-9]{1,4}):)?(?<s>[0-9]{1,6})(?:\.(?<f>[0-9]{1,6}))?\z")]
    private static partial Regex Pattern();
}
