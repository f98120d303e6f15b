using BasicTrust.Highlights.Planning;

namespace BasicTrust.Media.Reels;

/// <summary>
/// One stretch of a clip's frames [<paramref name="From"/>, <paramref name="To"/>) in its reel version: copied as cut
/// when it holds no emphasis, else decoded and encoded again with its <paramref name="Emphases"/>. <paramref name="Shift"/>
/// is the frames the parts before it added, so its frames show that much later.
/// </summary>
internal sealed record EmphasisPart(int From, int To, IReadOnlyList<ClipEmphasis> Emphases, int Shift)
{
    /// <summary>Copied as cut.</summary>
    public bool Copy => Emphases.Count == 0;

    /// <summary>Frames it writes: its own and those its emphases add.</summary>
    public int Frames => To - From + Emphases.Sum(e => e.Added);

    /// <summary>
    /// The clip cut into parts: each emphasis is encoded from the keyframe at or before its first frame to the first
    /// keyframe after its last (a copied frame may only refer to frames copied with it), stretches that meet are
    /// encoded as one, and the GOPs between are copied. <paramref name="keyframes"/> are frame numbers, ascending, 0 among them.
    /// </summary>
    public static IReadOnlyList<EmphasisPart> Split(IReadOnlyList<int> keyframes, int frameCount, IReadOnlyList<ClipEmphasis> emphases)
    {
        var encoded = new List<(int From, int To, List<ClipEmphasis> Emphases)>();
        foreach (var e in emphases.OrderBy(e => e.From))
        {
            var from = keyframes.LastOrDefault(k => k <= e.From, 0);
            var to = keyframes.FirstOrDefault(k => k >= e.From + e.Count && k > from, frameCount);
            if (encoded.Count > 0 && from < encoded[^1].To)
                encoded[^1] = (encoded[^1].From, Math.Max(encoded[^1].To, to), [.. encoded[^1].Emphases, e]);
            else
                encoded.Add((from, to, [e]));
        }
        var parts = new List<EmphasisPart>();
        var (at, shift) = (0, 0);
        foreach (var (from, to, inside) in encoded)
        {
            if (from > at) parts.Add(new EmphasisPart(at, from, [], shift));
            parts.Add(new EmphasisPart(from, to, inside, shift));
            shift += inside.Sum(e => e.Added);
            at = to;
        }
        if (at < frameCount) parts.Add(new EmphasisPart(at, frameCount, [], shift));
        return parts;
    }
}
