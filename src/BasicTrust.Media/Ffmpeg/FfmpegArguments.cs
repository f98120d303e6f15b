using System.Globalization;

namespace BasicTrust.Media.Ffmpeg;

/// <summary>
/// An FFmpeg command as an argv list, never one quoted string. Options given to an input go before its
/// <c>-i</c>; options given to the output go after the last input, as FFmpeg's positional rules require.
/// </summary>
public sealed class FfmpegArguments
{
    // No -nostdin: the runner keeps stdin as a pipe so cancellation can ask FFmpeg to quit with "q".
    readonly List<string> _global = ["-hide_banner", "-y"];
    readonly List<string> _inputs = [];
    readonly List<string> _output = [];

    /// <summary>Global: how much FFmpeg logs (default: warnings and errors only).</summary>
    public FfmpegArguments LogLevel(string level = "warning") => Add(_global, "-loglevel", level);

    /// <summary>Global: machine-readable progress (key=value blocks) on stdout.</summary>
    public FfmpegArguments ProgressToStdout() => Add(_global, "-progress", "pipe:1", "-nostats");

    /// <summary>Adds an input with its own options, e.g. <c>i => i.Seek(t)</c>.</summary>
    public FfmpegArguments Input(string source, Action<InputOptions>? options = null)
    {
        var input = new InputOptions();
        options?.Invoke(input);
        _inputs.AddRange(input.Arguments);
        _inputs.Add("-i");
        _inputs.Add(source);
        return this;
    }

    /// <summary>The output and its options.</summary>
    public FfmpegArguments Output(string destination, Action<OutputOptions>? options = null)
    {
        var output = new OutputOptions();
        options?.Invoke(output);
        _output.AddRange(output.Arguments);
        _output.Add(destination);
        return this;
    }

    /// <summary>The argv, without the program name.</summary>
    public IReadOnlyList<string> Build()
    {
        if (_inputs.Count == 0 || _output.Count == 0) throw new InvalidOperationException("An FFmpeg command needs an input and an output.");
        return [.. _global, .. _inputs, .. _output];
    }

    FfmpegArguments Add(List<string> list, params string[] items)
    {
        list.AddRange(items);
        return this;
    }

    /// <summary>Seconds with microsecond precision, invariant: FFmpeg's own time syntax.</summary>
    public static string Time(TimeSpan time) => time.TotalSeconds.ToString("0.000000", CultureInfo.InvariantCulture);
}
