using System.Globalization;
using System.Xml;
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
        // No DTDs (so no entity expansion) and no external resources: the file comes from elsewhere.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 16 * 1024 * 1024 };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var document = XDocument.Load(reader, LoadOptions.None);
        var slots = new Dictionary<string, long>();
        foreach (var slot in document.Descendants("TIME_SLOT").Where(s => s.Attribute("TIME_VALUE") is not null))
        {
            var id = (string?)slot.Attribute("TIME_SLOT_ID") ?? throw new FormatException("A TIME_SLOT of the ELAN file has no TIME_SLOT_ID.");
            if (!long.TryParse((string)slot.Attribute("TIME_VALUE")!, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
                throw new FormatException($"Time slot '{id}' of the ELAN file has no valid TIME_VALUE (whole milliseconds).");
            if (!slots.TryAdd(id, ms)) throw new FormatException($"The ELAN file names time slot '{id}' twice.");
        }
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
