using BasicTrust.Media.Ffmpeg;

namespace BasicTrust.Media.Tests;

/// <summary>Tiny generated media (a few seconds, ≤ 320x240) in a per-test temporary folder.</summary>
sealed class TestMedia : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("bt-media-").FullName;

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>An H.264/AAC test pattern with a sine tone; extra output options (e.g. rotation) appended.</summary>
    public async Task<string> VideoAsync(string name = "in.mp4", double seconds = 2, string size = "320x240", int rate = 25, bool audio = true, params string[] extra)
    {
        var args = new FfmpegArguments()
            .LogLevel("error")
            .Input($"testsrc2=size={size}:rate={rate}:duration={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}", i => i.Lavfi());
        if (audio) args.Input($"sine=frequency=440:sample_rate=44100:duration={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}", i => i.Lavfi());
        var path = PathOf(name);
        args.Output(path, o =>
        {
            o.H264("ultrafast", 30);
            if (audio) o.Aac(64); else o.NoAudio();
            o.Custom(extra);
        });
        await ProcessRunner.RunAsync("ffmpeg", args.Build());
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
