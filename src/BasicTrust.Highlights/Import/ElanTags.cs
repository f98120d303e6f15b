using System.Globalization;
using System.Xml.Linq;

namespace BasicTrust.Highlights.Import;

/// <summary>
/// Tags from an ELAN annotation file (.eaf): each time-aligned annotation becomes a tag. The label is the tier's
/// name (or the given label for every tag); the annotation's text becomes the note.
/// </summary>
public static class ElanTags
{
    public static IReadOnlyList<ImportedTag> Read(string xml, string? tier = null, string? label = null)
    {
        // No DTDs or external entities: the file comes from elsewhere.
        var document = XDocument.Parse(xml, LoadOptions.None);
        var slots = document.Descendants("TIME_SLOT")
            .Where(s => s.Attribute("TIME_VALUE") is not null)
            .ToDictionary(s => (string)s.Attribute("TIME_SLOT_ID")!, s => long.Parse((string)s.Attribute("TIME_VALUE")!, CultureInfo.InvariantCulture));
        var tiers = document.Descendants("TIER").Where(t => tier is null || (string?)t.Attribute("TIER_ID") == tier).ToList();
        if (tiers.Count == 0) throw new FormatException(tier is null ? "The ELAN file has no tiers." : $"The ELAN file has no tier named '{tier}'.");
        return [.. tiers.SelectMany(t => t.Descendants("ALIGNABLE_ANNOTATION").Select(a => new ImportedTag(
            Seconds(slots, (string?)a.Attribute("TIME_SLOT_REF1")), Seconds(slots, (string?)a.Attribute("TIME_SLOT_REF2")),
            label ?? ManifestBuilder.Label((string?)t.Attribute("TIER_ID") ?? ""), Note: a.Element("ANNOTATION_VALUE")?.Value)))];
    }

    static string Seconds(Dictionary<string, long> slots, string? slot) =>
        slot is not null && slots.TryGetValue(slot, out var ms)
            ? (ms / 1000.0).ToString("0.###", CultureInfo.InvariantCulture)
            : throw new FormatException($"The ELAN file refers to time slot '{slot}', which has no time.");
}
