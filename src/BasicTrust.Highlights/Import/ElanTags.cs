using System.Globalization;
using System.Text;
using System.Xml;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Import;

/// <summary>
/// Tags from an ELAN annotation file (.eaf): each time-aligned annotation becomes a tag. ELAN files are usually a
/// tier per person ("Moeder", "Kind") whose annotation values are codes from a controlled vocabulary, so the value is
/// the label and the tier, or its participant, the person the moment is about when it names one. An annotation
/// without a value is labelled by its tier's name (a tier per code). A note is what the annotations of a dependent
/// tier (ELAN's symbolic association) say about it. With <c>label</c> every tag has that label and the annotation's
/// value becomes its note; <c>tier</c> reads only that tier.
/// </summary>
/// <remarks>
/// Read in one pass with an <see cref="XmlReader"/>, never as a whole document: an annotation belongs to the innermost
/// tier around it (ELAN does not nest tiers; a file that does is not counted again per level), the counts stop at the
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

    sealed record Tier(string Id, Actor? Actor, int Depth);

    /// <summary>An annotation as read: a time-aligned one has its slots, a reference (a note) the annotation it is about.</summary>
    sealed record Annotation(string? Id, string? From, string? To, string? About, Tier Tier, int Depth)
    {
        public StringBuilder? Value { get; set; }
    }

    static readonly XmlNodeType[] TextNodes = [XmlNodeType.Text, XmlNodeType.CDATA, XmlNodeType.Whitespace, XmlNodeType.SignificantWhitespace];

    static List<ImportedTag> Read(XmlReader reader, string? tier, string? label)
    {
        var slots = new Dictionary<string, long>();
        var tiers = new Stack<Tier>();
        var annotations = new List<Annotation>(); // their slots' times are known at the end: slots may come after tiers
        var references = new List<Annotation>();
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
                            var actor = ActorNames.Find(reader.GetAttribute("PARTICIPANT")) ?? ActorNames.Find(id);
                            if (!reader.IsEmptyElement) tiers.Push(new Tier(id, actor, reader.Depth));
                            break;
                        case "ALIGNABLE_ANNOTATION" when tiers.TryPeek(out var inner) && (tier is null || inner.Id == tier):
                            var annotation = new Annotation(reader.GetAttribute("ANNOTATION_ID"), reader.GetAttribute("TIME_SLOT_REF1"),
                                reader.GetAttribute("TIME_SLOT_REF2"), null, inner, reader.Depth);
                            ImportLimits.Add(annotations, annotation);
                            if (!reader.IsEmptyElement) open = annotation;
                            break;
                        // Notes on the annotations of any tier read: those on others are left at the end.
                        case "REF_ANNOTATION" when tiers.TryPeek(out var dependent) && reader.GetAttribute("ANNOTATION_REF") is { } about:
                            var reference = new Annotation(reader.GetAttribute("ANNOTATION_ID"), null, null, about, dependent, reader.Depth);
                            ImportLimits.AddNote(references, reference);
                            if (!reader.IsEmptyElement) open = reference;
                            break;
                        case "ANNOTATION_VALUE" when open is { Value: null } && value is null && reader.Depth == open.Depth + 1:
                            open.Value = new StringBuilder();
                            if (!reader.IsEmptyElement) value = (open.Value, reader.Depth);
                            break;
                    }
                    break;
            }
        }
        if (!anyTier) throw new ImportRefusedException("TIER", "missing", tier is null ? "problem.missing.tiers" : "problem.missing.tier", ("tier", tier ?? ""));
        var notes = references.Where(r => r.Value is { Length: > 0 }).ToLookup(r => r.About!, r => r.Value!.ToString().Trim(), StringComparer.Ordinal);
        return [.. annotations.Select(a => Tag(a, slots, label, a.Id is null ? [] : notes[a.Id]))];
    }

    static ImportedTag Tag(Annotation annotation, Dictionary<string, long> slots, string? label, IEnumerable<string> notes)
    {
        var value = annotation.Value?.ToString().Trim() ?? "";
        var (start, end) = (Seconds(slots, annotation.From), Seconds(slots, annotation.To));
        var actor = annotation.Tier.Actor is { } a ? ActorNames.Code(a) : null;
        if (label is not null) return new ImportedTag(start, end, label, Note: value, Actor: actor);
        // Without a value the tier names the code, unless it names a person (then the manifest says the label is missing).
        var code = value.Length > 0 ? value : annotation.Tier.Actor is null ? annotation.Tier.Id : "";
        return new ImportedTag(start, end, ManifestBuilder.Label(code), Note: string.Join("\n", notes) is { Length: > 0 } note ? note : null, Actor: actor);
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
