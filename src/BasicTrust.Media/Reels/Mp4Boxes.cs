using System.Buffers.Binary;
using System.Text;

namespace BasicTrust.Media.Reels;

/// <summary>Reads the top-level boxes of an MP4 file, to check the index (<c>moov</c>) comes before the media data (<c>mdat</c>).</summary>
public static class Mp4Boxes
{
    /// <summary>The four-letter types of the top-level boxes, in file order.</summary>
    public static IReadOnlyList<string> TopLevel(string path) => [.. Boxes(path).Select(b => b.Type)];

    /// <summary>The size in bytes of the first top-level box of this type (0 when there is none).</summary>
    public static long Size(string path, string type) => Boxes(path).FirstOrDefault(b => b.Type == type).Size;

    static List<(string Type, long Size)> Boxes(string path)
    {
        var boxes = new List<(string Type, long Size)>();
        using var file = File.OpenRead(path);
        Span<byte> header = stackalloc byte[16];
        while (file.Position + 8 <= file.Length)
        {
            var start = file.Position;
            file.ReadExactly(header[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = Encoding.ASCII.GetString(header[4..8]);
            if (size == 1) { file.ReadExactly(header[8..16]); size = (long)BinaryPrimitives.ReadUInt64BigEndian(header[8..16]); }
            else if (size == 0) size = file.Length - start; // the box runs to the end of the file
            boxes.Add((type, size));
            if (size < 8) break;
            file.Position = start + size;
        }
        return boxes;
    }

    /// <summary>True when <c>moov</c> precedes <c>mdat</c>: the file plays while it downloads.</summary>
    public static bool IsFastStart(string path)
    {
        var types = TopLevel(path).ToList();
        var moov = types.IndexOf("moov");
        return moov >= 0 && moov < types.IndexOf("mdat");
    }
}
