namespace BasicTrust.Media.Indexing;

/// <summary>
/// Reads the keyframe times a Matroska/WebM file lists in its Cues: the segment's first elements (SeekHead, Info,
/// Tracks) from the start of the file, then the Cues where the SeekHead points, usually at the end.
/// </summary>
static class MatroskaCues
{
    const uint Segment = 0x18538067, SeekHead = 0x114D9B74, Seek = 0x4DBB, SeekId = 0x53AB, SeekPosition = 0x53AC, Info = 0x1549A966,
        TimestampScale = 0x2AD7B1, Tracks = 0x1654AE6B, TrackEntry = 0xAE, TrackNumber = 0xD7, TrackType = 0x83, Cues = 0x1C53BB6B,
        CuePoint = 0xBB, CueTime = 0xB3, CueTrackPositions = 0xB7, CueTrack = 0xF7, Cluster = 0x1F43B675;

    public static async Task<ContainerIndex?> ReadAsync(ByteRanges bytes, CancellationToken cancellationToken)
    {
        var head = await bytes.ReadAsync(0, 256, cancellationToken).ConfigureAwait(false);
        var (_, ebmlSize, ebmlHeader) = Header(head, 0);
        var (segmentId, _, segmentHeader) = Header(head, ebmlHeader + (int)ebmlSize);
        if (segmentId != Segment) return null;
        long segment = ebmlHeader + (int)ebmlSize + segmentHeader;
        long? cues = null;
        var (scale, videoTrack) = (1_000_000UL, 0UL);
        for (var at = segment; at < bytes.Length;)
        {
            var (id, size, headerLength) = Header(await bytes.ReadAsync(at, 12, cancellationToken).ConfigureAwait(false), 0);
            if (id == Cluster)
            {
                if (cues is not { } position || at > segment + position) return null; // no Cues, or none after the clusters
                at = segment + position;
                continue;
            }
            if (id is SeekHead or Info or Tracks or Cues)
            {
                if (size > ContainerIndex.MaxIndexBytes) return null;
                var content = await bytes.ReadAsync(at + headerLength, (int)size, cancellationToken).ConfigureAwait(false);
                if (id == SeekHead)
                    cues ??= Children(content, Seek).Select(s => (Id: Number(Child(s, SeekId)), Position: Number(Child(s, SeekPosition))))
                        .Where(s => s.Id == Cues).Select(s => (long?)s.Position).FirstOrDefault();
                else if (id == Info) scale = Child(content, TimestampScale) is { Length: > 0 } value ? Number(value) : scale;
                else if (id == Tracks) videoTrack = Children(content, TrackEntry).Where(t => Number(Child(t, TrackType)) == 1).Select(t => Number(Child(t, TrackNumber))).FirstOrDefault();
                else return Index(content, videoTrack, scale);
            }
            if (size == ulong.MaxValue) return null; // an element of unknown size (a live recording): nothing can be skipped
            at += headerLength + (long)size;
        }
        return null;
    }

    /// <summary>The video track's cue times, in nanoseconds.</summary>
    static ContainerIndex? Index(byte[] cues, ulong videoTrack, ulong scale)
    {
        var times = Children(cues, CuePoint)
            .Where(p => Children(p, CueTrackPositions).Any(t => Number(Child(t, CueTrack)) == videoTrack))
            .Select(p => (long)(Number(Child(p, CueTime)) * scale)).Distinct().Order().ToList();
        return videoTrack == 0 || times.Count == 0 ? null
            : new ContainerIndex(new KeyframeIndex(1_000_000_000, times, times[0], 0, 0, false), null);
    }

    static byte[] Child(byte[] parent, uint id) => Children(parent, id).FirstOrDefault() ?? [];

    static IEnumerable<byte[]> Children(byte[] parent, uint id)
    {
        for (var at = 0; at < parent.Length;)
        {
            var (childId, size, headerLength) = Header(parent, at);
            var length = (int)Math.Min(size, (ulong)(parent.Length - at - headerLength));
            if (childId == id) yield return parent.AsSpan(at + headerLength, length).ToArray();
            at += headerLength + length;
        }
    }

    /// <summary>An element's ID (marker bits kept, as the specification writes them), its size (all ones: unknown) and the header's length.</summary>
    static (uint Id, ulong Size, int Length) Header(byte[] data, int at)
    {
        var idLength = Width(data[at], 4);
        uint id = 0;
        for (var i = 0; i < idLength; i++) id = (id << 8) | data[at + i];
        var sizeLength = Width(data[at + idLength], 8);
        ulong size = (ulong)(data[at + idLength] & (0xFF >> sizeLength));
        for (var i = 1; i < sizeLength; i++) size = (size << 8) | data[at + idLength + i];
        return (id, size == (1UL << (7 * sizeLength)) - 1 ? ulong.MaxValue : size, idLength + sizeLength);
    }

    /// <summary>How many bytes a variable-length integer takes, from its first byte's leading zeros.</summary>
    static int Width(byte first, int max)
    {
        for (var width = 1; width <= max; width++)
            if ((first & (0x80 >> (width - 1))) != 0) return width;
        throw new InvalidDataException("An EBML number is too long.");
    }

    static ulong Number(byte[] value) => value.Aggregate(0UL, (n, b) => (n << 8) | b);
}
