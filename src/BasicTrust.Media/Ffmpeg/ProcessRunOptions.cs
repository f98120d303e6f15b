using System.Text;
using FFMpegCore;

namespace BasicTrust.Media.Ffmpeg;

/// <summary>How one FFmpeg or ffprobe run is located, bounded and observed. Turned into FFMpegCore's <see cref="FFOptions"/> per call.</summary>
public sealed record ProcessRunOptions
{
    /// <summary>The folder holding <c>ffmpeg</c> and <c>ffprobe</c> (from configuration); empty: they are found on PATH.</summary>
    public string BinaryFolder { get; init; } = "";
    /// <summary>Where FFMpegCore writes the FFMETADATA file of a run (it holds titles and notes, so best the run's own work folder).</summary>
    public string TemporaryFilesFolder { get; init; } = Path.GetTempPath();
    /// <summary>The run is stopped after this long (untrusted input must not run forever). FFMpegCore has no limit of its own.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);
    /// <summary>How long FFmpeg gets to quit after "q" before FFMpegCore kills it.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Receives the output position FFMpegCore reads from FFmpeg's statistics.</summary>
    public IProgress<TimeSpan>? Progress { get; init; }
    /// <summary>Called with each command line as it was run (redacted), for logs and for tests that check what FFmpeg was given.</summary>
    public Action<string>? CommandLineRan { get; init; }

    /// <summary>FFMpegCore's options for one call: never the static <see cref="GlobalFFOptions"/>.</summary>
    internal FFOptions ToFFOptions() => new()
    {
        BinaryFolder = BinaryFolder,
        TemporaryFilesFolder = TemporaryFilesFolder,
        Encoding = Encoding.UTF8,
    };
}
