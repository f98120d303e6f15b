using System.Globalization;
using System.Text;
using System.Xml;

namespace BasicTrust.Highlights.Import;

/// <summary>
/// Tags from an ELAN annotation file (.eaf): each time-aligned annotation becomes a tag. The label is the tier's
/// name (or the given label for every tag); the annotation's text becomes the note.
/// </summary>
/// <remarks>
/// Read in one pass with an <see cref="XmlReader"/>, never as a whole document: an annotation belongs to the innermost
/// tier around it (ELAN does not nest tiers; a file that does is not counted again per level), the count stops at the
/// tag cap, and elements nested deeper than <see cref="ImportLimits.MaxXmlDepth"/> are refused where they start.
/// </remarks>
public static class ElanTags
{
    // No DTDs (so no entities of the file's own) and no external resources: the file comes from elsewhere. The API
    // stops at 1 MiB before this; the cap on characters is for files bt reads from disk.
    static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null,
        MaxCharactersInDocument = 16 * 1024 * 1024, MaxCharactersFromEntities = 1024,
        IgnoreComments = true, IgnoreProcessingInstructions = true,
    };

    public static IReadOnlyList<ImportedTag> Read(string xml, string? tier = null, string? label = null)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            return Read(reader, tier, label);
        }
        catch (XmlException e)
        {
            // Where, not .NET's own sentence (in English only): a DTD is refused the same way.
            throw new ImportRefusedException("$", "xml", "problem.xml", ("line", e.LineNumber), ("position", e.LinePosition));
        }
    }

    sealed record Annotation(string? From, string? To, string Label, int Depth)
    {
        public StringBuilder? Note { get; set; }
    }

    static readonly XmlNodeType[] TextNodes = [XmlNodeType.Text, XmlNodeType.CDATA, XmlNodeType.Whitespace, XmlNodeType.SignificantWhitespace];

    static List<ImportedTag> Read(XmlReader reader, string? tier, string? label)
    {
        var slots = new Dictionary<string, long>();
        var tiers = new Stack<(string Id, int Depth)>();
        var annotations = new List<Annotation>(); // their slots' times are known at the end: slots may come after tiers
        var anyTier = false;
        Annotation? open = null;
        (StringBuilder Text, int Depth)? value = null; // the open annotation's value, while it is read
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.EndElement:
                    if (reader.Depth == value?.Depth) value = null;
                    else if (reader.Depth == open?.Depth) open = null;
                    else if (tiers.TryPeek(out var t) && reader.Depth == t.Depth) tiers.Pop();
                    break;
                case var text when value is not null && TextNodes.Contains(text):
                    value.Value.Text.Append(reader.Value);
                    break;
                case XmlNodeType.Element:
                    if (reader.Depth > ImportLimits.MaxXmlDepth)
                        throw new ImportRefusedException("$", "max-depth", "problem.max-depth", ("max", ImportLimits.MaxXmlDepth));
                    if (reader.NamespaceURI.Length > 0) break;
                    switch (reader.LocalName)
                    {
                        case "TIME_SLOT":
                            Slot(reader, slots);
                            break;
                        case "TIER":
                            var id = reader.GetAttribute("TIER_ID") ?? "";
                            anyTier |= tier is null || id == tier;
                            if (!reader.IsEmptyElement) tiers.Push((id, reader.Depth));
                            break;
                        case "ALIGNABLE_ANNOTATION" when tiers.TryPeek(out var inner) && (tier is null || inner.Id == tier):
                            var annotation = new Annotation(reader.GetAttribute("TIME_SLOT_REF1"), reader.GetAttribute("TIME_SLOT_REF2"),
                                label ?? ManifestBuilder.Label(inner.Id), reader.Depth);
                            ImportLimits.Add(annotations, annotation);
                            if (!reader.IsEmptyElement) open = annotation;
                            break;
                        case "ANNOTATION_VALUE" when open is { Note: null } && value is null && reader.Depth == open.Depth + 1:
                            open.Note = new StringBuilder();
                            if (!reader.IsEmptyElement) value = (open.Note, reader.Depth);
                            break;
                    }
                    break;
            }
        }
        if (!anyTier) throw new ImportRefusedException("TIER", "missing", tier is null ? "problem.missing.tiers" : "problem.missing.tier", ("tier", tier ?? ""));
        return [.. annotations.Select(a => new ImportedTag(Seconds(slots, a.From), Seconds(slots, a.To), a.Label, Note: a.Note?.ToString()))];
    }

    static void Slot(XmlReader reader, Dictionary<string, long> slots)
    {
        if (reader.GetAttribute("TIME_VALUE") is not { } value) return; // unaligned: ELAN interpolates, we have no time
        var id = reader.GetAttribute("TIME_SLOT_ID") ?? throw new ImportRefusedException("TIME_SLOT_ID", "required", "problem.required.time-slot");
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            throw new ImportRefusedException("TIME_VALUE", "milliseconds", "problem.milliseconds", ("slot", id));
        if (!slots.TryAdd(id, ms)) throw new ImportRefusedException("TIME_SLOT_ID", "unique", "problem.unique.time-slot", ("slot", id));
    }

    static string Seconds(Dictionary<string, long> slots, string? slot) =>
        slot is not null && slots.TryGetValue(slot, out var ms)
            ? (ms / 1000.0).ToString("0.###", CultureInfo.InvariantCulture)
            : throw new ImportRefusedException("TIME_SLOT_REF", "known-slot", "problem.known-slot", ("slot", slot ?? ""));
}
