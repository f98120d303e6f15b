using System.Globalization;

namespace BasicTrust.Media.Probing;

/// <summary>One video packet as ffprobe lists it: its presentation time and whether it is a keyframe.</summary>
public sealed record Packet(TimeSpan Time, bool IsKeyframe)
{
    /// <summary>Reads <c>pts_time,flags</c> lines (<c>12.480000,K__</c>); packets without a time are skipped.</summary>
    public static IReadOnlyList<Packet> ParseCsv(string csv)
    {
        var packets = new List<Packet>();
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(',');
            if (fields.Length >= 2 && double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                packets.Add(new Packet(TimeSpan.FromSeconds(seconds), fields[1].StartsWith('K')));
        }
        return packets;
    }
}
