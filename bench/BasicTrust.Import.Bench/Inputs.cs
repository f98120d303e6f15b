using System.Text;
using BasicTrust.Highlights.Import;

/// <summary>The worst files for the readers, each at most the API's body limit (1 MiB), as the probe of the issue made them.</summary>
static class Inputs
{
    public const int BodyLimit = 1024 * 1024;

    public sealed record Input(string Name, string What, Func<string> Make, Func<string, int> Read);

    public static readonly Input[] All =
    [
        new("elan-21m-claim", "6,480 nested tiers of one annotation each: 21 million annotations by the tiers' count",
            () => Elan(Repeat("<TIER TIER_ID=\"t\">" + Annotation(""), 6_480) + Repeat("</TIER>", 6_480)),
            text => ElanTags.Read(text).Count),
        new("elan-nested-tiers", "tiers nested 25 deep with 5 annotations each, to 1 MiB (6,125 annotations; 79,625 by the tiers' count)",
            () => NestedTiers, text => ElanTags.Read(text).Count),
        new("elan-whole-file", "the same file read for a tier that is not there, so every element is read",
            () => NestedTiers, text => ElanTags.Read(text, tier: "nobody").Count),
        new("xml-100000-deep", "100,000 nested elements (700 KB)",
            () => Elan(Repeat("<a>", 100_000) + Repeat("</a>", 100_000)),
            text => ElanTags.Read(text).Count),
        new("csv-90000-columns", "a header of start,end,label and 90,000 more columns, then short rows to 1 MiB",
            () => Fill(i => i == 0 ? "start,end,label" + string.Concat(Enumerable.Range(0, 90_000).Select(c => $",c{c}")) + "\n" : $"{i},{i + 1},x\n"),
            text => CsvTags.Read(text).Count),
        new("csv-rows", "a plain header, then rows to 1 MiB",
            () => Fill(i => i == 0 ? "start,end,label\n" : $"{i},{i + 1},benoemen\n"),
            text => CsvTags.Read(text).Count),
        new("boris-events", "a BORIS table, then START and STOP rows to 1 MiB",
            () => Fill(i => i == 0 ? "Time\tBehavior\tStatus\n" : $"{i}\tSpiegelen\tSTART\n{i}.5\tSpiegelen\tSTOP\n"),
            text => BorisTags.Read(text).Count),
    ];

    static string NestedTiers => Elan(Fill(_ => Repeat("<TIER TIER_ID=\"t\">" + Repeat(Annotation("benoemt gevoel"), 5), 25) + Repeat("</TIER>", 25)));

    // Parts until the next would pass the body limit, less room for the ELAN wrapper (all of it ASCII: a character is a byte).
    static string Fill(Func<int, string> part)
    {
        var text = new StringBuilder();
        for (var i = 0; ; i++)
        {
            var next = part(i);
            if (text.Length + next.Length > BodyLimit - 512) return text.ToString();
            text.Append(next);
        }
    }

    static string Repeat(string part, int times) => new StringBuilder().Insert(0, part, times).ToString();

    static string Elan(string tiers) =>
        """<?xml version="1.0" encoding="UTF-8"?><ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="1000"/><TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="2000"/></TIME_ORDER>"""
        + tiers + "</ANNOTATION_DOCUMENT>";

    static string Annotation(string value) =>
        "<ANNOTATION><ALIGNABLE_ANNOTATION TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\">"
        + (value.Length > 0 ? $"<ANNOTATION_VALUE>{value}</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION>" : "</ALIGNABLE_ANNOTATION>") + "</ANNOTATION>";
}
