using FFMpegCore;
using FFMpegCore.Arguments;

namespace BasicTrust.Media.Ffmpeg;

/// <summary>
/// The one place FFmpeg is started (ffprobe: <see cref="Ffprobe"/>). Commands are built with FFMpegCore and begin here,
/// so every run has the same global flags; inputs and outputs are only paths and URLs we generate. FFMpegCore renders
/// one argument string that .NET splits with its own quote rules, so user text never goes in: titles, chapters and
/// captions reach FFmpeg through files.
/// </summary>
public static class FfmpegCommand
{
    /// <summary>
    /// Global flags of every run. Errors only: at FFmpeg's default level stderr lists the input's metadata, and
    /// FFMpegCore keeps all of stderr.
    /// </summary>
    public const string GlobalFlags = "-hide_banner -loglevel error";

    /// <summary>Starts a command with the global flags and its first input (a path, URL or lavfi graph we generate).</summary>
    public static FFMpegArguments From(string location, Action<FFMpegInputOptions>? options = null) =>
        FFMpegArguments.FromInput(Input(location), input =>
        {
            input.WithCustomArgument(GlobalFlags);
            options?.Invoke(input);
        });

    /// <summary>Adds another input with its own options (they go before its <c>-i</c>).</summary>
    public static FFMpegArguments AddInput(this FFMpegArguments arguments, string location, Action<FFMpegInputOptions>? options = null) =>
        arguments.AddInput(Input(location), options);

    /// <summary>The output file, overwritten if present.</summary>
    public static FFMpegArgumentProcessor ToFile(this FFMpegArguments arguments, string path, Action<FFMpegOutputOptions> options) =>
        arguments.OutputToFile(Quotable(path), overwrite: true, options);

    /// <summary>Several outputs of one run, each overwritten if present: FFmpeg reads the input once for all of them.</summary>
    public static FFMpegArgumentProcessor ToFiles(this FFMpegArguments arguments, params (string Path, Action<FFMpegOutputOptions> Options)[] outputs) =>
        arguments.OutputToMany(many =>
        {
            foreach (var (path, options) in outputs) many.OutputToFile(Quotable(path), overwrite: true, options);
        });

    /// <summary>
    /// Runs the command with per-call <see cref="FFOptions"/>. Cancellation asks FFmpeg to quit ("q") and FFMpegCore
    /// kills it after the grace period; <see cref="ProcessRunOptions.Timeout"/> does the same on top. A failure throws
    /// <see cref="MediaProcessException"/> (FFMpegCore's own exception message would be all of stderr).
    /// </summary>
    public static async Task RunAsync(this FFMpegArgumentProcessor command, ProcessRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ProcessRunOptions();
        if (!command.Arguments.StartsWith(GlobalFlags + " ", StringComparison.Ordinal))
            throw new InvalidOperationException($"Start FFmpeg commands with {nameof(FfmpegCommand)}.{nameof(From)}.");
        using var timeout = new CancellationTokenSource(options.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        if (options.Progress is { } progress) command.NotifyOnProgress(progress);
        var ffOptions = options.ToFFOptions();
        var result = await command.CancellableThrough(linked.Token, options.GracePeriod)
            .ProcessAsynchronously(throwOnError: false, ffOptions).ConfigureAwait(false);
        // Read after the run: FFMpegCore names its temporary metadata file only when the run starts.
        var commandLine = CommandLine.Format(GlobalFFOptions.GetFFMpegBinaryPath(ffOptions), command.Arguments);
        options.CommandLineRan?.Invoke(commandLine);
        if (result.Cancelled)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new MediaProcessException($"ffmpeg took longer than {options.Timeout.TotalSeconds:0} s and was stopped", result.ExitCode, CommandLine.Tail(result.StandardError), commandLine);
        }
        if (!result.Success)
            throw new MediaProcessException("ffmpeg failed", result.ExitCode, CommandLine.Tail(result.StandardError), commandLine);
    }

    static InputArgument Input(string location) => new(Quotable(location), verifyExists: false);

    /// <summary>
    /// FFMpegCore wraps paths in double quotes without escaping; .NET then splits the string with Windows rules, where
    /// a quote inside or a backslash before the closing quote would change the arguments. Our paths never have them.
    /// </summary>
    internal static string Quotable(string location) =>
        location.Contains('"', StringComparison.Ordinal) || location.EndsWith('\\')
            ? throw new ArgumentException("A path or URL given to FFmpeg may not contain '\"' or end with '\\'.", nameof(location))
            : location;
}
