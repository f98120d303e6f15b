using System.Xml.Linq;
using BasicTrust.Highlights.Export;

namespace BasicTrust.Highlights.Tests.Export;

/// <summary>
/// The ELAN export has the structure of an EAF 3.0 file, as ELAN writes and reads it (the element order of
/// EAFv3.0.xsd, and every reference naming something the file has), besides being what the importer reads.
/// </summary>
public class ElanStructureTests
{
    static readonly XDocument Eaf = XDocument.Parse(ElanExport.Write(Manifests.WithTags(
        Manifests.Tag(1, 3, "benoemen"), Manifests.Tag(2, 3, "kind-signaal"), Manifests.Tag(5, 7, "signaal-gemist")) is var m
            ? m with { Tags = [.. m.Tags.Select((t, i) => i == 0 ? t with { Note = "rustig" } : t)] } : m,
        new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(1))));

    static IEnumerable<XElement> All(string name) => Eaf.Root!.Descendants(name);
    static string Attribute(XElement element, string name) => element.Attribute(name)?.Value ?? throw new InvalidOperationException($"{element.Name} has no {name}");

    [Fact]
    public void RootsChildren_ComeInTheSchemasOrder()
    {
        string[] order = ["LICENSE", "HEADER", "TIME_ORDER", "TIER", "LINGUISTIC_TYPE", "LOCALE", "LANGUAGE", "CONSTRAINT", "CONTROLLED_VOCABULARY", "LEXICON_REF", "REF_LINK_SET", "EXTERNAL_REF"];
        var positions = Eaf.Root!.Elements().Select(e => Array.IndexOf(order, e.Name.LocalName)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(("3.0", "milliseconds"), (Attribute(Eaf.Root, "FORMAT"), Attribute(Eaf.Root.Element("HEADER")!, "TIME_UNITS")));
        Assert.True(DateTimeOffset.TryParse(Attribute(Eaf.Root, "DATE"), out _));
    }

    [Fact]
    public void EveryReference_NamesSomethingTheFileHas()
    {
        var slots = All("TIME_SLOT").ToDictionary(s => Attribute(s, "TIME_SLOT_ID"), s => long.Parse(Attribute(s, "TIME_VALUE")));
        var types = All("LINGUISTIC_TYPE").ToDictionary(t => Attribute(t, "LINGUISTIC_TYPE_ID"));
        var tiers = All("TIER").ToDictionary(t => Attribute(t, "TIER_ID"));
        var annotations = All("ALIGNABLE_ANNOTATION").Concat(All("REF_ANNOTATION")).ToDictionary(a => Attribute(a, "ANNOTATION_ID"));
        var entries = All("CV_ENTRY_ML").ToDictionary(e => Attribute(e, "CVE_ID"), e => e.Element("CVE_VALUE")!.Value);
        var vocabularies = All("CONTROLLED_VOCABULARY").Select(v => Attribute(v, "CV_ID")).ToHashSet();

        Assert.All(tiers.Values, t => Assert.Contains(Attribute(t, "LINGUISTIC_TYPE_REF"), types.Keys));
        Assert.All(tiers.Values.Where(t => t.Attribute("PARENT_REF") is not null), t => Assert.Contains(Attribute(t, "PARENT_REF"), tiers.Keys));
        Assert.All(types.Values.Where(t => t.Attribute("CONTROLLED_VOCABULARY_REF") is not null), t => Assert.Contains(Attribute(t, "CONTROLLED_VOCABULARY_REF"), vocabularies));
        Assert.All(types.Values.Where(t => t.Attribute("CONSTRAINTS") is not null),
            t => Assert.Contains(Attribute(t, "CONSTRAINTS"), All("CONSTRAINT").Select(c => Attribute(c, "STEREOTYPE"))));
        foreach (var aligned in All("ALIGNABLE_ANNOTATION"))
        {
            Assert.True(slots[Attribute(aligned, "TIME_SLOT_REF1")] < slots[Attribute(aligned, "TIME_SLOT_REF2")]);
            // The value is the entry the annotation names in the tier's vocabulary.
            Assert.Equal(entries[Attribute(aligned, "CVE_REF")], aligned.Element("ANNOTATION_VALUE")!.Value);
        }
        foreach (var reference in All("REF_ANNOTATION"))
        {
            var about = annotations[Attribute(reference, "ANNOTATION_REF")];
            // A note refers to an annotation of its tier's parent tier.
            Assert.Equal(Attribute(reference.Ancestors("TIER").Single(), "PARENT_REF"), Attribute(about.Ancestors("TIER").Single(), "TIER_ID"));
        }
        Assert.Equal(annotations.Count.ToString(), All("PROPERTY").Single(p => Attribute(p, "NAME") == "lastUsedAnnotationId").Value);
        Assert.Equal(["Ouder", "Ouder – notitie", "Kind"], tiers.Keys);
    }
}
