using FFMpegCore;
using FFMpegCore.Exceptions;

namespace BasicTrust.Media.Ffmpeg;

/// <summary>The one place ffprobe is started: FFMpegCore's <see cref="FFProbe"/> with per-call options, a time limit and our exception.</summary>
public static class Ffprobe
{
    // What FFMpegCore 6.0.0 passes before the input; our arguments follow it (so a later -loglevel wins).
    const string AnalyseFlags = "-loglevel error -print_format json -show_format -sexagesimal -show_streams -show_chapters";
    const string PacketFlags = "-loglevel error -print_format json -show_packets -sexagesimal";

    /// <summary>Format, streams and chapters of a file or URL; <paramref name="arguments"/> are extra ffprobe options.</summary>
    public static Task<IMediaAnalysis> AnalyseAsync(string location, string arguments, ProcessRunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunAsync(AnalyseFlags, location, arguments, options, (ff, args, token) => IsUrl(location)
            ? FFProbe.AnalyseAsync(new Uri(location), ff, args, token)
            : FFProbe.AnalyseAsync(location, ff, args, token), cancellationToken);

    /// <summary>The packets ffprobe lists with <paramref name="arguments"/> (e.g. <c>-select_streams v:0 -read_intervals …</c>).</summary>
    public static async Task<IReadOnlyList<FFProbePacket>> PacketsAsync(string location, string arguments, ProcessRunOptions? options = null, CancellationToken cancellationToken = default) =>
        (await RunAsync(PacketFlags, location, arguments, options, (ff, args, token) => IsUrl(location)
            ? FFProbe.GetPacketsAsync(new Uri(location), ff, args, token)
            : FFProbe.GetPacketsAsync(location, ff, args, token), cancellationToken).ConfigureAwait(false)).Packets;

    static async Task<T> RunAsync<T>(string flags, string location, string arguments, ProcessRunOptions? options,
        Func<FFOptions, string, CancellationToken, Task<T>> probe, CancellationToken cancellationToken)
    {
        options ??= new ProcessRunOptions();
        var ffOptions = options.ToFFOptions();
        var custom = $"-hide_banner {arguments}".TrimEnd();
        var commandLine = CommandLine.Format(GlobalFFOptions.GetFFProbeBinaryPath(ffOptions), $"{flags} \"{FfmpegCommand.Quotable(location)}\" {custom}");
        options.CommandLineRan?.Invoke(commandLine);
        using var timeout = new CancellationTokenSource(options.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await probe(ffOptions, custom, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new MediaProcessException($"ffprobe took longer than {options.Timeout.TotalSeconds:0} s and was stopped", -1, "", commandLine);
        }
        catch (FFProbeProcessException e)
        {
            throw new MediaProcessException("ffprobe failed", e.ExitCode, CommandLine.Tail(e.StandardError), commandLine);
        }
    }

    static bool IsUrl(string location) =>
        location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
