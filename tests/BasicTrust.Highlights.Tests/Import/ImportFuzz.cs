using System.Text;
using BasicTrust.Highlights.Import;
using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Highlights.Tests.Import;

/// <summary>
/// Malformed and hostile files for the import readers: a good file of each format, or one built to be expensive (huge
/// counts, deep nesting, wide headers, entities), then broken in a few random ways (truncated, bits flipped, characters
/// dropped or inserted, line endings mixed, a byte order mark, another encoding). At most the API's body limit.
/// </summary>
static class ImportFuzz
{
    public sealed record Format(string Name, Func<string, IReadOnlyList<ImportedTag>> Read, string Good, Func<Random, string>[] Hostile);

    public static readonly Format[] Formats =
    [
        new("elan", text => ElanTags.Read(text), Elan(Annotations(3)), [
            r => Elan(Repeat(r, "<TIER TIER_ID=\"t\">" + Annotations(1), 10_000)),
            r => "<ANNOTATION_DOCUMENT>" + Repeat(r, "<TIER>", 100_000),
            r => Elan(Annotations(r.Next(150, 5_000))),
            r => Elan(Repeat(r, "<TIME_SLOT TIME_SLOT_ID=\"ts1\" TIME_VALUE=\"1\"/>", 20_000)),
            _ => """<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><ANNOTATION_DOCUMENT>&c;</ANNOTATION_DOCUMENT>""",
            _ => """<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><ANNOTATION_DOCUMENT><TIER TIER_ID="&x;"/></ANNOTATION_DOCUMENT>""",
            _ => Elan(Annotations(2)).Replace("benoemt", "&#0;&#xD800;&#x110000;&amp;&lt;&unknown;"),
            _ => Elan(Annotations(2)).Replace("12400", "99999999999999999999").Replace("ts2\"", "nowhere\""),
            _ => Elan(Annotations(2)).Replace("UTF-8", "utf-16").Replace("<TIER ", "<x:TIER xmlns:x=\"urn:x\" "),
            _ => Elan(Annotations(2)).Replace("benoemt gevoel", "<![CDATA[<ANNOTATION_VALUE>]]><?pi x?><!-- c --><ALIGNABLE_ANNOTATION/>"),
        ]),
        new("csv", CsvTags.Read, "start,end,label,valence,note,caption\r\n00:12.4,00:31,benoemen,,\"zegt \"\"kijk\"\", lacht\",\"Jij bent\nboos\"\r\n45,62,spiegelen,strength,,\n", [
            r => "start,end,label" + Repeat(r, ",c", 90_000) + "\n1,2,benoemen\n",
            r => "start,end,label\n" + Repeat(r, "1,2,benoemen\n", 5_000),
            r => "start,end,label\n" + Repeat(r, ",", 500_000),
            r => "start,end,label\n1,2,\"" + Repeat(r, "x\n", 100_000),
            r => Repeat(r, "\n", 500_000) + "start,end,label\nNaN,1e400,Infinity\n-1,∞,x\n",
        ]),
        new("boris", BorisTags.Read, "Observation id\tvisit 3\n\nTime\tMedia file path\tBehavior\tComment\tStatus\n12.4\trec.mp4\tSensitief reageren\t\tSTART\n20\trec.mp4\tLacht\t\tPOINT\n31.0\trec.mp4\tSensitief reageren\tmooi\tSTOP\n", [
            r => "Time,Behavior,Status" + Repeat(r, ",x", 90_000) + "\n",
            r => "Time\tBehavior\tStatus\n" + Repeat(r, "1\tSpiegelen\tSTART\n2\tSpiegelen\tSTOP\n", 5_000),
            r => "Time\tBehavior\tStatus\n" + Repeat(r, "1\tSpiegelen\tSTART\n", 20_000),
            r => "Time,Behavior,Status\nNaN,a,START\nInfinity,a,STOP\n1e400,\"b,START\n-0,b,STOP\n",
            r => Repeat(r, "Time\r", 100_000) + "\rTime\tBehavior\tStatus\r1\tx\tSTART\r\n2\tx\tstop\n",
        ]),
    ];

    /// <summary>One input for <paramref name="format"/>, and how it was made (to replay a failure).</summary>
    public static (string How, string Text) Input(Random random, Format format)
    {
        var hostile = random.Next(3) == 0 ? random.Next(format.Hostile.Length) : -1;
        var (how, text) = hostile < 0 ? ("good", format.Good) : ($"hostile {hostile}", AtMostTheBodyLimit(format.Hostile[hostile](random)));
        for (var breaks = random.Next(4); breaks > 0; breaks--)
        {
            var (name, broken) = Break(random, text);
            (how, text) = ($"{how}, {name}", AtMostTheBodyLimit(broken));
        }
        return (how, text);
    }

    static string AtMostTheBodyLimit(string text) => text.Length <= ManifestReader.MaxBytes ? text : text[..ManifestReader.MaxBytes];

    static readonly string[] Odd = ["<", ">", "</", "\"", "'", ",", "\t", "\n", "\r", "&", ";", "\0", "\uFEFF", "\uD800", "\uDFFF", "é", "]]>", "<!--", "&#", "=", " ", "START", "STOP"];

    static (string, string) Break(Random random, string text)
    {
        var at = random.Next(text.Length + 1);
        switch (random.Next(9))
        {
            case 0: return ($"cut at {at}", text[..at]);
            case 1:
                if (at == text.Length) goto case 0;
                var flipped = (char)(text[at] ^ (1 << random.Next(16)));
                return ($"bit at {at}", string.Concat(text.AsSpan(0, at), new ReadOnlySpan<char>(in flipped), text.AsSpan(at + 1)));
            case 2: return ($"dropped {at}", at == text.Length ? text : text.Remove(at, 1));
            case 3: return ($"inserted at {at}", text.Insert(at, Odd[random.Next(Odd.Length)]));
            case 4:
                var length = Math.Min(random.Next(1, 64), text.Length - at);
                var times = random.Next(4) > 0 ? random.Next(2, 50) : random.Next(1_000, 100_000);
                return ($"{times}× at {at}", text.Insert(at, Repeat(random, text.Substring(at, length), times)));
            case 5: return ("CR line ends", text.Replace("\r\n", "\n").Replace('\n', '\r'));
            case 6: return ("CR LF line ends", random.Next(2) == 0 ? text.Replace("\n", "\r\n") : text.Replace("\n", "\n\r"));
            case 7: return ("byte order mark", "\uFEFF" + text);
            default:
                // What a reader gets when the file was in another encoding than it was read in.
                var (from, to) = random.Next(2) == 0 ? (Encoding.UTF8, Encoding.Latin1) : (Encoding.Unicode, Encoding.UTF8);
                return ($"{from.WebName} read as {to.WebName}", to.GetString(from.GetBytes(text)));
        }
    }

    // Never past the body limit: what is beyond it is cut anyway.
    static string Repeat(Random random, string part, int times) =>
        new StringBuilder().Insert(0, part, Math.Clamp(times / (random.Next(3) + 1), 1, ManifestReader.MaxBytes / Math.Max(1, part.Length) + 1)).ToString();

    static string Elan(string tiers) =>
        """<?xml version="1.0" encoding="UTF-8"?><ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="12400"/><TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="31000"/><TIME_SLOT TIME_SLOT_ID="ts3"/></TIME_ORDER>"""
        + tiers + "</ANNOTATION_DOCUMENT>";

    static string Annotations(int count) =>
        "<TIER TIER_ID=\"Benoemen\">" + string.Concat(Enumerable.Range(0, count).Select(i =>
            $"""<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a{i}" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>benoemt gevoel</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>"""))
        + "</TIER>";
}
