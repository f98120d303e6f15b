using System.Buffers.Binary;
using System.Text;

namespace BasicTrust.Media.Indexing;

/// <summary>The content of one MP4 box (after its header), with its child boxes and big-endian fields.</summary>
sealed class Box(byte[] data, int start, int length)
{
    public Box(byte[] data) : this(data, 0, data.Length) { }

    public int Length => length;

    public Box? Child(string type) => Children(type).FirstOrDefault();

    public IEnumerable<Box> Children(string type)
    {
        for (var at = 0; at + 8 <= length;)
        {
            var size = (int)Math.Min(UInt32(at), length - at);
            if (size < 8) yield break;
            if (Ascii(at + 4, 4) == type) yield return Slice(at + 8, size - 8);
            at += size;
        }
    }

    /// <summary>Offsets of a full box's table entries: version and flags, an entry count, then entries of <paramref name="size"/> bytes.</summary>
    public IEnumerable<int> Entries(int size)
    {
        var count = Math.Min(UInt32(4), (uint)((length - 8) / size));
        for (var i = 0; i < count; i++) yield return 8 + i * size;
    }

    public Box Slice(int offset, int count)
    {
        if (offset < 0 || count < 0 || offset + count > length) throw new InvalidDataException("An MP4 box runs past its parent.");
        return new Box(data, start + offset, count);
    }

    public byte Byte(int at) => Span(at, 1)[0];
    public ushort UInt16(int at) => BinaryPrimitives.ReadUInt16BigEndian(Span(at, 2));
    public uint UInt32(int at) => BinaryPrimitives.ReadUInt32BigEndian(Span(at, 4));
    public int Int32(int at) => BinaryPrimitives.ReadInt32BigEndian(Span(at, 4));
    public long Int64(int at) => BinaryPrimitives.ReadInt64BigEndian(Span(at, 8));
    public string Ascii(int at, int count) => Encoding.ASCII.GetString(Span(at, count));
    public byte[] Bytes(int at, int count) => Span(at, count).ToArray();

    ReadOnlySpan<byte> Span(int at, int count) =>
        at >= 0 && count >= 0 && at + count <= length ? data.AsSpan(start + at, count) : throw new InvalidDataException("An MP4 field runs past its box.");
}
