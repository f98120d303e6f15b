using System.Globalization;

namespace BasicTrust.Highlights.Time;

/// <summary>
/// The frame rate the reel's clips are encoded at, as an exact fraction (<c>30000/1001</c>), so times snap to whole
/// frames without drifting: frame <c>n</c> starts at <c>n · Denominator / Numerator</c> seconds.
/// </summary>
public readonly record struct FrameGrid(long Numerator, long Denominator)
{
    /// <summary>25 frames per second: what planning assumes when the recording has not been probed (a preview, <c>bt plan</c>).</summary>
    public static readonly FrameGrid Default = new(25, 1);

    /// <summary>A rate as FFmpeg writes it: <c>25</c> or <c>30000/1001</c>.</summary>
    public static FrameGrid Parse(string rate)
    {
        var parts = rate.Split('/');
        var grid = new FrameGrid(long.Parse(parts[0], CultureInfo.InvariantCulture), parts.Length == 2 ? long.Parse(parts[1], CultureInfo.InvariantCulture) : 1);
        return parts.Length <= 2 && grid.Numerator > 0 && grid.Denominator > 0 ? grid : throw new FormatException($"'{rate}' is not a frame rate.");
    }

    /// <summary>Frames per second.</summary>
    public double FramesPerSecond => (double)Numerator / Denominator;

    /// <summary>The number of the frame nearest <paramref name="time"/> (a length: how many frames it lasts, rounded).</summary>
    public long Frames(TimeSpan time) => (long)Math.Round((decimal)time.Ticks * Numerator / (Denominator * TimeSpan.TicksPerSecond), MidpointRounding.AwayFromZero);

    /// <summary>When frame <paramref name="frame"/> starts (a number of frames as a length), to the tick.</summary>
    public TimeSpan Time(long frame) => TimeSpan.FromTicks((long)Math.Round((decimal)frame * Denominator * TimeSpan.TicksPerSecond / Numerator, MidpointRounding.AwayFromZero));

    /// <summary><paramref name="time"/> moved to the nearest frame start.</summary>
    public TimeSpan Snap(TimeSpan time) => Time(Frames(time));

    /// <summary>The first frame start at or after <paramref name="time"/>.</summary>
    public TimeSpan AtOrAfter(TimeSpan time) => Time(Frames(time) + (Snap(time) < time ? 1 : 0));

    /// <summary>The last frame start at or before <paramref name="time"/>.</summary>
    public TimeSpan AtOrBefore(TimeSpan time) => Time(Frames(time) - (Snap(time) > time ? 1 : 0));

    /// <inheritdoc />
    public override string ToString() => Denominator == 1 ? Numerator.ToString(CultureInfo.InvariantCulture) : $"{Numerator}/{Denominator}";
}
