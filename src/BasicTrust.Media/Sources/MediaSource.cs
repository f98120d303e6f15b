using BasicTrust.Highlights.Time;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Probing;
using FFMpegCore;

namespace BasicTrust.Media.Sources;

/// <summary>
/// A recording that has been probed and accepted: a local file or an HTTP(S) URL (a short-lived read SAS),
/// with what every later FFmpeg run must be told about it.
/// </summary>
public sealed record MediaSource(string Location, MediaInfo Info)
{
    /// <summary>True for an HTTP(S) URL.</summary>
    public bool IsUrl => IsHttp(Location);

    /// <summary>
    /// The options every FFmpeg run on this recording gets: the probed demuxer forced (the file cannot be read as
    /// something else later), only the protocols it needs, and reconnects for URLs.
    /// </summary>
    public void Apply(FFMpegInputOptions input)
    {
        input.ForceFormat(MediaPolicy.Format(Info)).WithProtocolWhitelist(Protocols(Location));
        if (IsUrl) input.WithCustomArgument(ArgumentExtensions.NetworkFlags);
    }

    /// <summary>The same options for ffprobe, which takes them as one string.</summary>
    internal string ProbeArguments() =>
        $"-f {MediaPolicy.Format(Info).Name} -protocol_whitelist {string.Join(',', Protocols(Location))}{(IsUrl ? " " + ArgumentExtensions.NetworkFlags : "")}";

    /// <summary>
    /// Probes <paramref name="location"/> with only the accepted demuxers and the protocols it needs, then checks the
    /// policy and that the recording is complete. Throws <see cref="UnsupportedMediaException"/> with a plain reason.
    /// </summary>
    public static async Task<MediaSource> OpenAsync(string location, MediaLimits limits, CancellationToken cancellationToken = default)
    {
        var options = limits.ProbeOptions();
        MediaInfo info;
        try
        {
            info = await MediaProbe.ProbeAsync(location, options, cancellationToken).ConfigureAwait(false);
        }
        catch (UnsupportedMediaException)
        {
            if (await Sniffing.IsPlaylistAsync(location, cancellationToken).ConfigureAwait(false)) throw new UnsupportedMediaException("problem.readable-video.playlist");
            throw;
        }
        MediaPolicy.Check(info, limits);
        var source = new MediaSource(location, info);
        if (await Completeness.FindCutShortAsync(source, options, cancellationToken).ConfigureAwait(false) is { } readableUntil)
            throw new UnsupportedMediaException("problem.readable-video.cut-short", ("readable", TimeCode.Format(readableUntil)), ("duration", TimeCode.Format(info.Duration)));
        return source;
    }

    /// <summary>The protocols FFmpeg may open for this input: a crafted file cannot make it read anything else.</summary>
    public static string[] Protocols(string location) => IsHttp(location) ? ["http", "https", "tcp", "tls"] : ["file"];

    static bool IsHttp(string location) =>
        location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
