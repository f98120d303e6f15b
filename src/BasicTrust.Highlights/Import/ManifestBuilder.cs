using System.Globalization;
using System.Text.Json.Nodes;
using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Highlights.Import;

/// <summary>Builds a session manifest (v1) from imported tags; the pipeline's own validation then checks it.</summary>
public static class ManifestBuilder
{
    /// <param name="nextSessionAt">The next feedback session, which orders the review queue; left out when null.</param>
    public static string Build(string method, string caseId, string sessionId, string recording, IEnumerable<ImportedTag> tags, DateTimeOffset? nextSessionAt = null)
    {
        var manifest = new JsonObject
        {
            ["schema"] = SessionManifest.Schema,
            ["caseId"] = caseId,
            ["sessionId"] = sessionId,
            ["method"] = method,
            ["recording"] = recording,
        };
        if (nextSessionAt is { } next) manifest["nextSessionAt"] = next.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        manifest["tags"] = Tags(tags);
        return manifest.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The imported tags as a manifest's <c>tags</c> array.</summary>
    public static JsonArray Tags(IEnumerable<ImportedTag> tags) => new([.. tags.Select(Tag)]);

    static JsonNode Tag(ImportedTag tag)
    {
        var node = new JsonObject { ["start"] = Time(tag.Start), ["end"] = Time(tag.End), ["label"] = tag.Label };
        if (!string.IsNullOrWhiteSpace(tag.Valence)) node["valence"] = tag.Valence.Trim();
        if (!string.IsNullOrWhiteSpace(tag.Actor)) node["actor"] = tag.Actor.Trim();
        if (!string.IsNullOrWhiteSpace(tag.Note)) node["note"] = tag.Note.Trim();
        if (!string.IsNullOrWhiteSpace(tag.Caption)) node["caption"] = tag.Caption.Trim();
        return node;
    }

    // Seconds stay numbers; timecodes stay text for the manifest reader to parse (and refuse, like "NaN", "Infinity"
    // or "1e400", which JSON has no number for).
    static JsonNode Time(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds)
            ? JsonValue.Create(seconds)
            : JsonValue.Create(text.Trim());

    /// <summary>A label as the vocabularies write them: lower case, words joined by '-'.</summary>
    public static string Label(string text) =>
        string.Join('-', text.Trim().ToLowerInvariant().Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries));
}
