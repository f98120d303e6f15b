using System.Globalization;
using FFMpegCore;

namespace BasicTrust.Media.Probing;

/// <summary>One video packet as ffprobe lists it: its presentation time and whether it is a keyframe.</summary>
public sealed record Packet(TimeSpan Time, bool IsKeyframe)
{
    /// <summary>Reads FFMpegCore's packets (times in <c>0:00:12.480000</c> form, flags <c>K_</c>); packets without a time are skipped.</summary>
    public static IReadOnlyList<Packet> From(IEnumerable<FFProbePacket> packets)
    {
        var read = new List<Packet>();
        foreach (var packet in packets)
            if (TimeSpan.TryParse(packet.PtsTime, CultureInfo.InvariantCulture, out var time))
                read.Add(new Packet(time, packet.Flags?.StartsWith('K') == true));
        return read;
    }
}
