using System.Buffers.Binary;
using System.Text;

namespace BasicTrust.Media.Reels;

/// <summary>Reads the top-level boxes of an MP4 file, to check the index (<c>moov</c>) comes before the media data (<c>mdat</c>).</summary>
public static class Mp4Boxes
{
    /// <summary>The four-letter types of the top-level boxes, in file order.</summary>
    public static IReadOnlyList<string> TopLevel(string path)
    {
        var types = new List<string>();
        using var file = File.OpenRead(path);
        Span<byte> header = stackalloc byte[16];
        while (file.Position + 8 <= file.Length)
        {
            var start = file.Position;
            file.ReadExactly(header[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            types.Add(Encoding.ASCII.GetString(header[4..8]));
            if (size == 1) { file.ReadExactly(header[8..16]); size = (long)BinaryPrimitives.ReadUInt64BigEndian(header[8..16]); }
            else if (size == 0) break; // the box runs to the end of the file
            if (size < 8) break;
            file.Position = start + size;
        }
        return types;
    }

    /// <summary>True when <c>moov</c> precedes <c>mdat</c>: the file plays while it downloads.</summary>
    public static bool IsFastStart(string path)
    {
        var types = TopLevel(path).ToList();
        var moov = types.IndexOf("moov");
        return moov >= 0 && moov < types.IndexOf("mdat");
    }
}
