using System.Buffers.Binary;
using System.Text;

namespace BasicTrust.Media.Tests;

/// <summary>
/// Reads the samples of an MP4's first timed text track straight from its boxes (stts, stsz, stsc, stco/co64), with no
/// FFmpeg decoder in between: what every player is handed, byte for byte.
/// </summary>
static class Mp4TextTrack
{
    public sealed record Sample(TimeSpan Start, TimeSpan End, byte[] Text);

    public static IReadOnlyList<Sample> Read(string path)
    {
        var file = File.ReadAllBytes(path);
        var moov = Child(file, (0, file.Length), "moov");
        foreach (var trak in Children(file, moov).Where(b => b.Type == "trak").Select(b => b.Content))
        {
            var mdia = Child(file, trak, "mdia");
            var handler = Encoding.ASCII.GetString(file, Child(file, mdia, "hdlr").Start + 8, 4);
            if (handler is not ("sbtl" or "text")) continue;
            var mdhd = Child(file, mdia, "mdhd").Start;
            var timescale = U32(file, mdhd + (file[mdhd] == 1 ? 20 : 12));
            var stbl = Child(file, Child(file, mdia, "minf"), "stbl");
            return Samples(file, stbl, timescale);
        }
        throw new InvalidDataException("The file has no timed text track.");
    }

    static List<Sample> Samples(byte[] file, (int Start, int End) stbl, long timescale)
    {
        var stts = Child(file, stbl, "stts").Start;
        var durations = Enumerable.Range(0, (int)U32(file, stts + 4))
            .SelectMany(i => Enumerable.Repeat(U32(file, stts + 8 + i * 8 + 4), (int)U32(file, stts + 8 + i * 8))).ToList();
        var stsz = Child(file, stbl, "stsz").Start;
        var (fixedSize, count) = (U32(file, stsz + 4), (int)U32(file, stsz + 8));
        var sizes = Enumerable.Range(0, count).Select(i => fixedSize != 0 ? fixedSize : U32(file, stsz + 12 + i * 4)).ToList();
        var stsc = Child(file, stbl, "stsc").Start;
        var runs = Enumerable.Range(0, (int)U32(file, stsc + 4)).Select(i => (FirstChunk: U32(file, stsc + 8 + i * 12), PerChunk: U32(file, stsc + 12 + i * 12))).ToList();
        var chunkOffsets = ChunkOffsets(file, stbl);

        var samples = new List<Sample>();
        long time = 0;
        var index = 0;
        for (var chunk = 1; chunk <= chunkOffsets.Count && index < count; chunk++)
        {
            var perChunk = runs.Last(r => r.FirstChunk <= chunk).PerChunk;
            var offset = chunkOffsets[chunk - 1];
            for (var i = 0; i < perChunk && index < count; i++, index++)
            {
                var length = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan((int)offset, 2));
                var text = file.AsSpan((int)offset + 2, length).ToArray();
                samples.Add(new Sample(Time(time, timescale), Time(time + durations[index], timescale), text));
                time += durations[index];
                offset += sizes[index];
            }
        }
        return samples;
    }

    static List<long> ChunkOffsets(byte[] file, (int Start, int End) stbl)
    {
        if (Children(file, stbl).Any(b => b.Type == "co64"))
        {
            var co64 = Child(file, stbl, "co64").Start;
            return [.. Enumerable.Range(0, (int)U32(file, co64 + 4)).Select(i => (long)BinaryPrimitives.ReadUInt64BigEndian(file.AsSpan(co64 + 8 + i * 8, 8)))];
        }
        var stco = Child(file, stbl, "stco").Start;
        return [.. Enumerable.Range(0, (int)U32(file, stco + 4)).Select(i => U32(file, stco + 8 + i * 4))];
    }

    static TimeSpan Time(long units, long timescale) => TimeSpan.FromTicks(units * TimeSpan.TicksPerSecond / timescale);

    static (int Start, int End) Child(byte[] file, (int Start, int End) parent, string type) =>
        Children(file, parent).First(b => b.Type == type).Content;

    /// <summary>The boxes directly inside a range, with their content's range (after the size and type).</summary>
    static IEnumerable<(string Type, (int Start, int End) Content)> Children(byte[] file, (int Start, int End) parent)
    {
        for (var at = parent.Start; at + 8 <= parent.End;)
        {
            long size = U32(file, at);
            var header = 8;
            if (size == 1) { size = (long)BinaryPrimitives.ReadUInt64BigEndian(file.AsSpan(at + 8, 8)); header = 16; }
            else if (size == 0) size = parent.End - at;
            yield return (Encoding.ASCII.GetString(file, at + 4, 4), (at + header, at + (int)size));
            if (size < 8) yield break;
            at += (int)size;
        }
    }

    static long U32(byte[] file, int at) => BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at, 4));
}
