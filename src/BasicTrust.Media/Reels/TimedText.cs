using System.Buffers.Binary;
using System.Text;
using BasicTrust.Highlights.Planning;

namespace BasicTrust.Media.Reels;

/// <summary>
/// Writes caption cues as a subtitle-only MP4 with one 3GPP timed text track (<c>tx3g</c>, 3GPP TS 26.245), which the
/// reel takes by stream copy. FFmpeg's <c>mov_text</c> encoder goes through ASS, which cannot carry a literal <c>{</c>
/// and turns <c>\N</c> into a line break; samples we write ourselves hold exactly what the therapist typed.
/// </summary>
public static class TimedText
{
    /// <summary>Sample times are in milliseconds, as the plan's are.</summary>
    const int Timescale = 1000;

    /// <summary>
    /// The whole file: <c>ftyp</c>, <c>moov</c> (first), <c>mdat</c>. Each sample is a 16-bit big-endian length and the
    /// UTF-8 text, line breaks as LF, and for the child's words a <c>styl</c> box setting them in italics; gaps are
    /// empty samples. Where cues overlap, the text shown is theirs one per line, as a player stacks overlapping WebVTT cues.
    /// </summary>
    /// <param name="language">ISO 639-2 code of the track (<c>dut</c>, <c>eng</c>, <c>und</c>).</param>
    public static byte[] Write(IEnumerable<CaptionCue> cues, string language)
    {
        var samples = Samples(cues);
        var data = samples.Select(s => Sample(s.Text, s.Italic)).ToList();
        var duration = samples.Sum(s => s.Duration);
        var ftyp = Box("ftyp", Ascii("isom"), U32(512), Ascii("isom"), Ascii("iso2"), Ascii("mp41"));
        // moov's size does not depend on the chunk offset it holds, so it is built once for its size, then for real.
        var moov = Moov(samples, data, duration, language, chunkOffset: 0);
        moov = Moov(samples, data, duration, language, chunkOffset: (uint)(ftyp.Length + moov.Length + 8));
        return [.. ftyp, .. moov, .. Box("mdat", [.. data])];
    }

    /// <summary>
    /// The timeline from 0 to the last cue's end, cut at every cue's start and end, in milliseconds; with each sample the
    /// character ranges (start inclusive, end exclusive, in Unicode characters as 3GPP style records count) of the child's words.
    /// </summary>
    internal static IReadOnlyList<(long Duration, string Text, IReadOnlyList<(int Start, int End)> Italic)> Samples(IEnumerable<CaptionCue> cues)
    {
        var timed = cues.Select(c => (Start: Milliseconds(c.Start), End: Milliseconds(c.End), Text: FfMetadata.NormaliseLineEndings(c.Text), c.ChildWords))
            .Where(c => c.End > c.Start).OrderBy(c => c.Start).ToList();
        var cuts = timed.SelectMany(c => new[] { c.Start, c.End }).Append(0).Distinct().Order().ToList();
        var samples = new List<(long Duration, string Text, IReadOnlyList<(int Start, int End)> Italic)>();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (from, to) = (cuts[i], cuts[i + 1]);
            var shown = timed.Where(c => c.Start <= from && c.End >= to).ToList();
            var text = string.Join('\n', shown.Select(c => c.Text));
            var italic = new List<(int Start, int End)>();
            var at = 0;
            foreach (var cue in shown)
            {
                var length = cue.Text.EnumerateRunes().Count();
                if (cue.ChildWords && length > 0) italic.Add((at, at + length));
                at += length + 1;
            }
            if (samples.Count > 0 && samples[^1].Text == text && samples[^1].Italic.SequenceEqual(italic)) samples[^1] = (samples[^1].Duration + to - from, text, italic);
            else samples.Add((to - from, text, italic));
        }
        return samples;
    }

    static byte[] Sample(string text, IReadOnlyList<(int Start, int End)> italic)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        if (utf8.Length > ushort.MaxValue) throw new ArgumentException($"A caption may hold at most {ushort.MaxValue} bytes of text.", nameof(text));
        if (italic.Count == 0) return [.. U16((ushort)utf8.Length), .. utf8];
        // One style record per run (TS 26.245 5.16): start, end, font 1, italic (2), 18 pt, white, as SampleEntry's defaults.
        var records = italic.Select(r => (byte[])[.. U16((ushort)r.Start), .. U16((ushort)r.End), .. U16(1), 2, 18, .. U32(0xFFFFFFFF)]).ToArray();
        return [.. U16((ushort)utf8.Length), .. utf8, .. Box("styl", [U16((ushort)records.Length), .. records])];
    }

    static byte[] Moov(IReadOnlyList<(long Duration, string Text, IReadOnlyList<(int Start, int End)> Italic)> samples, List<byte[]> data, long duration, string language, uint chunkOffset) =>
        Box("moov",
            FullBox("mvhd", 0, U32(0), U32(0), U32(Timescale), U32((uint)duration), U32(0x00010000), U16(0x0100), new byte[10], Matrix, new byte[24], U32(2)),
            Box("trak",
                // Flags 3: enabled, in the movie.
                FullBox("tkhd", 3, U32(0), U32(0), U32(1), U32(0), U32((uint)duration), new byte[8], U16(0), U16(0), U16(0), U16(0), Matrix, U32(0), U32(0)),
                Box("mdia",
                    FullBox("mdhd", 0, U32(0), U32(0), U32(Timescale), U32((uint)duration), U16(PackedLanguage(language)), U16(0)),
                    // "sbtl", as FFmpeg writes tx3g tracks in MP4 (Apple players want it); the name ends with a NUL.
                    FullBox("hdlr", 0, U32(0), Ascii("sbtl"), new byte[12], Ascii("SubtitleHandler\0")),
                    Box("minf",
                        FullBox("nmhd", 0),
                        Box("dinf", FullBox("dref", 0, U32(1), FullBox("url ", 1))),
                        Box("stbl",
                            FullBox("stsd", 0, U32(1), SampleEntry),
                            FullBox("stts", 0, [U32((uint)samples.Count), .. samples.Select(s => (byte[])[.. U32(1), .. U32((uint)s.Duration)])]),
                            // One chunk holds every sample.
                            FullBox("stsc", 0, U32(1), U32(1), U32((uint)samples.Count), U32(1)),
                            FullBox("stsz", 0, [U32(0), U32((uint)samples.Count), .. data.Select(d => U32((uint)d.Length))]),
                            FullBox("stco", 0, U32(1), U32(chunkOffset)))))));

    /// <summary>
    /// The tx3g sample entry with the defaults FFmpeg's own <c>mov_text</c> encoder writes: centred at the bottom, no
    /// background, white 18-point text, font 1 "Serif".
    /// </summary>
    static readonly byte[] SampleEntry = Box("tx3g",
        new byte[6], U16(1),                            // reserved, data reference 1
        U32(0), [1, 0xFF], U32(0),                      // display flags; horizontal centre, vertical bottom; background RGBA
        new byte[8],                                    // default text box: top, left, bottom, right
        U16(0), U16(0), U16(1), [0, 18], U32(0xFFFFFFFF), // style: chars 0-0, font 1, plain, 18 pt, white
        Box("ftab", U16(1), U16(1), [5], Ascii("Serif")));

    static readonly byte[] Matrix = [.. U32(0x00010000), .. U32(0), .. U32(0), .. U32(0), .. U32(0x00010000), .. U32(0), .. U32(0), .. U32(0), .. U32(0x40000000)];

    /// <summary>Three lower-case letters, five bits each (letter − 0x60), as <c>mdhd</c> holds them; anything else is "und".</summary>
    static ushort PackedLanguage(string language)
    {
        var code = language.Length == 3 && language.All(char.IsAsciiLetterLower) ? language : "und";
        return (ushort)(((code[0] - 0x60) << 10) | ((code[1] - 0x60) << 5) | (code[2] - 0x60));
    }

    static long Milliseconds(TimeSpan time) => (long)Math.Round(time.TotalMilliseconds, MidpointRounding.AwayFromZero);

    static byte[] Box(string type, params byte[][] content) =>
        [.. U32((uint)(8 + content.Sum(c => c.Length))), .. Ascii(type), .. content.SelectMany(c => c)];

    static byte[] FullBox(string type, uint flags, params byte[][] content) => Box(type, [U32(flags), .. content]);

    static byte[] U32(uint value) { var bytes = new byte[4]; BinaryPrimitives.WriteUInt32BigEndian(bytes, value); return bytes; }

    static byte[] U16(ushort value) { var bytes = new byte[2]; BinaryPrimitives.WriteUInt16BigEndian(bytes, value); return bytes; }

    static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
