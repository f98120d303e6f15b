using System.Buffers.Binary;
using System.Text;

namespace BasicTrust.Media.Indexing;

/// <summary>
/// Reads an MP4's sample tables (<c>stts</c>, <c>ctts</c>, <c>stss</c>, <c>elst</c>) and <c>avcC</c> from the <c>moov</c>
/// box alone: one small read per top-level box header, then the index itself, wherever it is in the file.
/// </summary>
static class Mp4Index
{
    /// <summary>Samples after a keyframe (in decode order) looked at for ones shown before it: far more than any B-frame run.</summary>
    const int LeadingWindow = 64;

    public static async Task<ContainerIndex?> ReadAsync(ByteRanges bytes, CancellationToken cancellationToken)
    {
        for (long offset = 0; offset + 8 <= bytes.Length;)
        {
            var header = await bytes.ReadAsync(offset, 16, cancellationToken).ConfigureAwait(false);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var headerLength = 8;
            if (size == 1) (size, headerLength) = ((long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8)), 16);
            else if (size == 0) size = bytes.Length - offset;
            if (size < headerLength) return null;
            if (Encoding.ASCII.GetString(header, 4, 4) == "moov")
                return size > ContainerIndex.MaxIndexBytes ? null
                    : Parse(new Box(await bytes.ReadAsync(offset + headerLength, (int)size - headerLength, cancellationToken).ConfigureAwait(false)));
            offset += size;
        }
        return null; // no moov: fragmented, or not an MP4 after all
    }

    /// <summary>The first video track's index, from the content of <c>moov</c>.</summary>
    internal static ContainerIndex? Parse(Box moov)
    {
        foreach (var trak in moov.Children("trak"))
        {
            var mdia = trak.Child("mdia");
            if (mdia?.Child("hdlr") is not { } hdlr || hdlr.Ascii(8, 4) != "vide") continue;
            var stbl = mdia.Child("minf")?.Child("stbl");
            if (stbl?.Child("stts") is not { } stts || mdia.Child("mdhd") is not { } mdhd) return null;
            var timescale = mdhd.Byte(0) == 1 ? mdhd.UInt32(20) : mdhd.UInt32(12);
            var pts = PresentationTimes(stts, stbl.Child("ctts"), MediaStart(trak.Child("edts")?.Child("elst")));
            if (pts.Length == 0 || timescale == 0) return null;
            var sync = stbl.Child("stss") is { } stss ? [.. stss.Entries(4).Select(e => (int)stss.UInt32(e) - 1).Where(i => i >= 0 && i < pts.Length)]
                : Enumerable.Range(0, pts.Length).ToArray(); // no stss: every sample is a keyframe
            var keyframes = sync.Select(i => pts[i]).Order().ToList();
            var sorted = pts.Order().ToArray();
            var duration = sorted.Length > 1 ? sorted[1] - sorted[0] : 0;
            for (var i = 2; i < sorted.Length && duration > 0; i++)
                if (sorted[i] - sorted[i - 1] != duration) duration = 0;
            var openGop = sync.Any(k => Enumerable.Range(k + 1, Math.Min(LeadingWindow, pts.Length - k - 1)).Any(i => pts[i] < pts[k]));
            return new ContainerIndex(new KeyframeIndex(timescale, keyframes, sorted[0], duration, pts.Length, openGop),
                AvcConfig(stbl.Child("stsd")));
        }
        return null;
    }

    /// <summary>Decode times from <c>stts</c>, plus the composition offsets of <c>ctts</c>, less the edit list's start.</summary>
    static long[] PresentationTimes(Box stts, Box? ctts, long mediaStart)
    {
        var times = new List<long>();
        long dts = 0;
        foreach (var e in stts.Entries(8))
            for (uint n = stts.UInt32(e); n > 0; n--, dts += stts.UInt32(e + 4)) times.Add(dts - mediaStart);
        if (ctts is null) return [.. times];
        var sample = 0;
        foreach (var e in ctts.Entries(8))
            for (uint n = ctts.UInt32(e); n > 0 && sample < times.Count; n--) times[sample++] += ctts.Int32(e + 4); // signed in version 1, and in practice
        return [.. times];
    }

    /// <summary>The media time the first non-empty edit starts at (0 without an edit list).</summary>
    static long MediaStart(Box? elst)
    {
        if (elst is null) return 0;
        var wide = elst.Byte(0) == 1;
        foreach (var e in elst.Entries(wide ? 20 : 12))
        {
            var start = wide ? elst.Int64(e + 8) : elst.Int32(e + 4);
            if (start >= 0) return start;
        }
        return 0;
    }

    /// <summary>The first SPS and PPS of an <c>avc1</c>/<c>avc3</c> sample entry's <c>avcC</c>.</summary>
    static AvcParameterSets? AvcConfig(Box? stsd)
    {
        // stsd: version and flags, entry count, then the first sample entry; its boxes follow 78 bytes of visual sample entry fields.
        if (stsd is null || stsd.Length < 16 || stsd.Ascii(12, 4) is not ("avc1" or "avc3")) return null;
        var entry = stsd.Slice(8, (int)stsd.UInt32(8));
        if (entry.Length < 86 || entry.Slice(86, entry.Length - 86).Children("avcC").FirstOrDefault() is not { } avcc || avcc.Length < 7) return null;
        var at = 5;
        if ((avcc.Byte(at++) & 31) < 1) return null;
        var sps = avcc.Bytes(at + 2, avcc.UInt16(at));
        at += 2 + sps.Length;
        if (avcc.Byte(at++) < 1) return null;
        return new AvcParameterSets(sps, avcc.Bytes(at + 2, avcc.UInt16(at)));
    }
}
