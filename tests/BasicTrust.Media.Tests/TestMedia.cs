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

    /// <summary>
    /// A video whose frames carry their own number: ten black/white blocks across the picture are its bits
    /// (frame 0 is all black). Big flat blocks survive compression, so the number decodes back exactly.
    /// </summary>
    public async Task<string> NumberedVideoAsync(string name = "numbered.mp4", double seconds = 6, string size = "320x240", int rate = 25, bool audio = true, int gop = 50, params string[] extra)
    {
        var length = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var args = new FfmpegArguments().LogLevel("error")
            .Input($"color=c=black:size={size}:rate={rate}:duration={length},geq=lum='255*mod(floor(N/pow(2\\,floor(X*10/W)))\\,2)':cb=128:cr=128", i => i.Lavfi());
        if (audio) args.Input($"sine=frequency=440:sample_rate=44100:duration={length}", i => i.Lavfi());
        var path = PathOf(name);
        args.Output(path, o =>
        {
            o.H264("ultrafast", 18).Custom("-g", gop.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (audio) o.Aac(64); else o.NoAudio();
            o.Custom(extra);
        });
        await ProcessRunner.RunAsync("ffmpeg", args.Build());
        return path;
    }

    /// <summary>The frame numbers shown in a numbered video (or a clip of one), in display order.</summary>
    public async Task<IReadOnlyList<int>> FrameNumbersAsync(string video)
    {
        var raw = PathOf($"{Path.GetFileNameWithoutExtension(video)}-{Guid.NewGuid():N}.gray");
        await ProcessRunner.RunAsync("ffmpeg", new FfmpegArguments().LogLevel("error").Input(video)
            .Output(raw, o => o.VideoFilter("scale=10:1:flags=area,format=gray").Custom("-fps_mode", "passthrough", "-f", "rawvideo")).Build());
        var bytes = await File.ReadAllBytesAsync(raw);
        return bytes.Chunk(10).Select(block => Enumerable.Range(0, 10).Sum(bit => block[bit] > 128 ? 1 << bit : 0)).ToList();
    }

    /// <summary>Runs ffprobe with the given arguments on a file and returns its output.</summary>
    public static Task<string> ProbeAsync(string path, params string[] arguments) =>
        ProcessRunner.RunAsync("ffprobe", ["-v", "error", .. arguments, path]);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
