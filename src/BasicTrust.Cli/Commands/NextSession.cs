using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BasicTrust.Cli.Commands;

/// <summary>
/// <c>--next-session</c>: when the next feedback session is, which orders the review queue. Written as the manifest
/// takes it (a date and time with its UTC offset), or as a person types it (<c>2026-11-27 10:00</c>), which is then
/// that time in this computer's time zone, written with its offset.
/// </summary>
static partial class NextSession
{
    static readonly string[] LocalForms = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss"];

    public static DateTimeOffset Parse(string text, TimeZoneInfo zone)
    {
        text = text.Trim();
        if (Offset().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var given))
            return given;
        if (!DateTime.TryParseExact(text, LocalForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            throw new FormatException($"--next-session '{text}' is not a date and time: write 2026-11-27 10:00 (this computer's time zone) or 2026-11-27T10:00:00+01:00.");
        // A time the clocks skip when summer time starts does not exist there.
        if (zone.IsInvalidTime(local))
            throw new FormatException($"--next-session {text} does not exist in {zone.Id} (the clocks skip it); write the offset, e.g. {local:yyyy-MM-dd'T'HH:mm}+01:00.");
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>A JSON manifest with its <c>nextSessionAt</c> set (the rest as it was).</summary>
    public static string Into(string manifest, DateTimeOffset at)
    {
        var node = JsonNode.Parse(manifest) as JsonObject ?? throw new FormatException("The manifest is not a JSON object.");
        node["nextSessionAt"] = at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    [GeneratedRegex(@"(Z|[+-][0-9]{2}:?[0-9]{2})\z")]
    private static partial Regex Offset();
}
