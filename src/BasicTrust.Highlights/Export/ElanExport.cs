using System.Globalization;
using System.Text;
using System.Xml;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Export;

/// <summary>
/// The tags as an ELAN annotation file (EAF 3.0), the way ELAN users code a recording: a tier per person (Ouder,
/// Kind, Ouder en kind, each its participant) whose annotations are the labels' codes, from a controlled vocabulary
/// of the method's labels; a tag's note is an annotation on a dependent tier ("Ouder – notitie", ELAN's symbolic
/// association). <see cref="Import.ElanTags"/> reads it back. Captions, goals and the reel's settings stay ours.
/// </summary>
public static class ElanExport
{
    const string MomentType = "basictrust-moment";
    const string NoteType = "basictrust-note";
    const string Dutch = "nld";

    static readonly XmlWriterSettings Settings = new() { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };

    public static string Write(SessionManifest manifest, DateTimeOffset written)
    {
        var tags = TagExport.Tags(manifest);
        var tiers = tags.GroupBy(t => t.Actor).OrderBy(g => g.Key).ToList();
        // Slots in time order (ELAN's own order), two per tag; annotation ids a1… in the tiers' order.
        var slots = tags.SelectMany(t => new[] { (Tag: t, Start: true, At: t.Start), (Tag: t, Start: false, At: t.End) })
            .OrderBy(s => s.At).Select((s, i) => (s.Tag, s.Start, s.At, Id: $"ts{i + 1}")).ToList();
        string Slot(Tag tag, bool start) => slots.First(s => s.Tag == tag && s.Start == start).Id;
        var ids = tiers.SelectMany(g => g).Select((t, i) => (t, i)).ToDictionary(x => x.t, x => $"a{x.i + 1}");
        var noted = tags.Where(t => !string.IsNullOrWhiteSpace(t.Note)).ToList();
        var last = ids.Count + noted.Count;

        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("ANNOTATION_DOCUMENT");
            xml.WriteAttributeString("AUTHOR", "");
            xml.WriteAttributeString("DATE", written.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("FORMAT", "3.0");
            xml.WriteAttributeString("VERSION", "3.0");
            xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
            xml.WriteAttributeString("xsi", "noNamespaceSchemaLocation", "http://www.w3.org/2001/XMLSchema-instance", "http://www.mpi.nl/tools/elan/EAFv3.0.xsd");

            xml.WriteStartElement("HEADER");
            xml.WriteAttributeString("MEDIA_FILE", "");
            xml.WriteAttributeString("TIME_UNITS", "milliseconds");
            // The recording by its name only: ELAN asks where it is on this computer.
            Empty(xml, "MEDIA_DESCRIPTOR", ("MEDIA_URL", $"file:///{Uri.EscapeDataString(manifest.Recording)}"),
                ("MIME_TYPE", MimeType(manifest.Recording)), ("RELATIVE_MEDIA_URL", $"./{Uri.EscapeDataString(manifest.Recording)}"));
            xml.WriteStartElement("PROPERTY");
            xml.WriteAttributeString("NAME", "lastUsedAnnotationId");
            xml.WriteString(last.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement("TIME_ORDER");
            foreach (var slot in slots)
                Empty(xml, "TIME_SLOT", ("TIME_SLOT_ID", slot.Id), ("TIME_VALUE", ((long)slot.At.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)));
            xml.WriteEndElement();

            var note = ids.Count;
            foreach (var tier in tiers)
            {
                var name = ActorNames.Name(tier.Key);
                StartTier(xml, name, MomentType);
                xml.WriteAttributeString("PARTICIPANT", name);
                foreach (var tag in tier)
                {
                    xml.WriteStartElement("ANNOTATION");
                    xml.WriteStartElement("ALIGNABLE_ANNOTATION");
                    xml.WriteAttributeString("ANNOTATION_ID", ids[tag]);
                    xml.WriteAttributeString("CVE_REF", EntryId(tag.Label.Code));
                    xml.WriteAttributeString("TIME_SLOT_REF1", Slot(tag, true));
                    xml.WriteAttributeString("TIME_SLOT_REF2", Slot(tag, false));
                    xml.WriteElementString("ANNOTATION_VALUE", tag.Label.Code);
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
                if (!tier.Any(noted.Contains)) continue;
                StartTier(xml, $"{name} – notitie", NoteType);
                xml.WriteAttributeString("PARENT_REF", name);
                xml.WriteAttributeString("PARTICIPANT", name);
                foreach (var tag in tier.Where(noted.Contains))
                {
                    xml.WriteStartElement("ANNOTATION");
                    xml.WriteStartElement("REF_ANNOTATION");
                    xml.WriteAttributeString("ANNOTATION_ID", $"a{++note}");
                    xml.WriteAttributeString("ANNOTATION_REF", ids[tag]);
                    xml.WriteElementString("ANNOTATION_VALUE", tag.Note);
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }

            Empty(xml, "LINGUISTIC_TYPE", ("CONTROLLED_VOCABULARY_REF", manifest.Method), ("GRAPHIC_REFERENCES", "false"),
                ("LINGUISTIC_TYPE_ID", MomentType), ("TIME_ALIGNABLE", "true"));
            Empty(xml, "LINGUISTIC_TYPE", ("CONSTRAINTS", "Symbolic_Association"), ("GRAPHIC_REFERENCES", "false"),
                ("LINGUISTIC_TYPE_ID", NoteType), ("TIME_ALIGNABLE", "false"));
            Empty(xml, "LANGUAGE", ("LANG_ID", Dutch), ("LANG_LABEL", "Dutch (nld)"));
            Empty(xml, "CONSTRAINT", ("DESCRIPTION", "1-1 association with a parent annotation"), ("STEREOTYPE", "Symbolic_Association"));
            Vocabulary(xml, manifest, tags);
            xml.WriteEndElement();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The method's labels (a custom method: the labels used), each its code, described by its Dutch name.</summary>
    static void Vocabulary(XmlWriter xml, SessionManifest manifest, IReadOnlyList<Tag> tags)
    {
        var vocabulary = Vocabularies.ByMethod.GetValueOrDefault(manifest.Method);
        var labels = (vocabulary?.Labels ?? []).Concat(tags.Select(t => t.Label)).DistinctBy(l => l.Code).ToList();
        xml.WriteStartElement("CONTROLLED_VOCABULARY");
        xml.WriteAttributeString("CV_ID", manifest.Method);
        xml.WriteStartElement("DESCRIPTION");
        xml.WriteAttributeString("LANG_REF", Dutch);
        xml.WriteString(vocabulary?.Name ?? manifest.Method);
        xml.WriteEndElement();
        foreach (var label in labels)
        {
            xml.WriteStartElement("CV_ENTRY_ML");
            xml.WriteAttributeString("CVE_ID", EntryId(label.Code));
            xml.WriteStartElement("CVE_VALUE");
            xml.WriteAttributeString("DESCRIPTION", label.Dutch == label.Code ? "" : label.Dutch);
            xml.WriteAttributeString("LANG_REF", Dutch);
            xml.WriteString(label.Code);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    static string EntryId(string code) => $"cve-{code}";

    static void StartTier(XmlWriter xml, string id, string type)
    {
        xml.WriteStartElement("TIER");
        xml.WriteAttributeString("LINGUISTIC_TYPE_REF", type);
        xml.WriteAttributeString("TIER_ID", id);
    }

    static void Empty(XmlWriter xml, string name, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(name);
        foreach (var (attribute, value) in attributes) xml.WriteAttributeString(attribute, value);
        xml.WriteEndElement();
    }

    static string MimeType(string recording) => Path.GetExtension(recording).ToLowerInvariant() switch
    {
        ".mov" => "video/quicktime",
        ".webm" => "video/webm",
        ".mkv" => "video/x-matroska",
        ".avi" => "video/x-msvideo",
        _ => "video/mp4",
    };
}
