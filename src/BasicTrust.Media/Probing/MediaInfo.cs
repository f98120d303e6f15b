using BasicTrust.Media.Hdr;

namespace BasicTrust.Media.Probing;

/// <summary>What ffprobe says about a recording: enough to decide whether and how to cut it.</summary>
public sealed record MediaInfo
{
    /// <summary>The demuxer ffprobe chose (e.g. <c>mov,mp4,m4a,3gp,3g2,mj2</c>); forced on the real run.</summary>
    public required string FormatName { get; init; }
    /// <summary>The container's duration.</summary>
    public TimeSpan Duration { get; init; }
    /// <summary>Overall bit rate in bits per second, when known.</summary>
    public long? BitRate { get; init; }
    /// <summary>The first video stream.</summary>
    public required VideoStreamInfo Video { get; init; }
    /// <summary>The first audio stream, if any.</summary>
    public AudioStreamInfo? Audio { get; init; }
}

/// <summary>A video stream.</summary>
/// <param name="Rotation">Degrees from the display matrix (phones record portrait this way), normalised to 0, 90, 180 or 270.</param>
public sealed record VideoStreamInfo(string Codec, string? Profile, string? PixelFormat, int Width, int Height,
    double AverageFrameRate, double RealFrameRate, int Rotation)
{
    /// <summary>Frame rates disagreeing means variable frame rate (typical of phones).</summary>
    public bool IsVariableFrameRate => AverageFrameRate > 0 && RealFrameRate > 0 && Math.Abs(AverageFrameRate - RealFrameRate) / RealFrameRate > 0.01;

    /// <summary>Width and height as shown, after rotation.</summary>
    public (int Width, int Height) DisplaySize => Rotation is 90 or 270 ? (Height, Width) : (Width, Height);

    /// <summary>How the stream is HDR (HLG or PQ, BT.2020, 10-bit, Dolby Vision); null for SDR.</summary>
    public HdrInfo? Hdr { get; init; }
}

/// <summary>An audio stream.</summary>
public sealed record AudioStreamInfo(string Codec, int Channels, string? ChannelLayout, int SampleRate);
