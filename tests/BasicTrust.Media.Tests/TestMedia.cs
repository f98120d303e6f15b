using System.Globalization;
using BasicTrust.Media.Ffmpeg;
using FFMpegCore;
using FFMpegCore.Enums;

namespace BasicTrust.Media.Tests;

/// <summary>Tiny generated media (a few seconds, ≤ 320x240) in a per-test temporary folder, made and read through the adapter.</summary>
sealed class TestMedia : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("bt-media-").FullName;

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>An H.264/AAC test pattern with a sine tone; <paramref name="extra"/> output options (constants) appended.</summary>
    public async Task<string> VideoAsync(string name = "in.mp4", double seconds = 2, string size = "320x240", int rate = 25, bool audio = true, string extra = "")
    {
        var length = seconds.ToString(CultureInfo.InvariantCulture);
        var args = FfmpegCommand.From($"testsrc2=size={size}:rate={rate}:duration={length}", i => i.AsLavfi());
        if (audio) args.AddInput($"sine=frequency=440:sample_rate=44100:duration={length}", i => i.AsLavfi());
        var path = PathOf(name);
        await args.ToFile(path, o => Encode(o, 30, audio, extra)).RunAsync();
        return path;
    }

    /// <summary>
    /// A video whose frames carry their own number: ten black/white blocks across the picture are its bits
    /// (frame 0 is all black). Big flat blocks survive compression, so the number decodes back exactly.
    /// </summary>
    public async Task<string> NumberedVideoAsync(string name = "numbered.mp4", double seconds = 6, string size = "320x240", int rate = 25, bool audio = true, int gop = 50, string extra = "")
    {
        var length = seconds.ToString(CultureInfo.InvariantCulture);
        var args = FfmpegCommand.From($"color=c=black:size={size}:rate={rate}:duration={length},geq=lum='255*mod(floor(N/pow(2\\,floor(X*10/W)))\\,2)':cb=128:cr=128", i => i.AsLavfi());
        if (audio) args.AddInput($"sine=frequency=440:sample_rate=44100:duration={length}", i => i.AsLavfi());
        var path = PathOf(name);
        await args.ToFile(path, o => Encode(o.WithGopSize(gop), 18, audio, extra)).RunAsync();
        return path;
    }

    static void Encode(FFMpegOutputOptions output, int crf, bool audio, string extra)
    {
        output.WithH264(EncoderPreset.UltraFast, crf);
        if (audio) output.WithAudioCodec(AudioCodec.Aac).WithAudioBitrate(64); else output.DisableAudio();
        if (extra.Length > 0) output.WithCustomArgument(extra);
    }

    /// <summary>The frame numbers shown in a numbered video (or a clip of one), in display order.</summary>
    public async Task<IReadOnlyList<int>> FrameNumbersAsync(string video, ProcessRunOptions? options = null)
    {
        var raw = PathOf($"{Path.GetFileNameWithoutExtension(video)}-{Guid.NewGuid():N}.gray");
        await FfmpegCommand.From(video)
            .ToFile(raw, o => o.WithVideoFilters(v => v.WithCustomFilter("scale", "10:1:flags=area").WithCustomFilter("format", "gray"))
                .WithFpsMode(FpsMode.Passthrough).ForceFormat(ContainerFormats.RawVideo))
            .RunAsync(options);
        var bytes = await File.ReadAllBytesAsync(raw);
        return bytes.Chunk(10).Select(block => Enumerable.Range(0, 10).Sum(bit => block[bit] > 128 ? 1 << bit : 0)).ToList();
    }

    /// <summary>
    /// The lowest per-frame PSNR (dB) of <paramref name="clip"/> against the source's own frames [<paramref name="first"/>,
    /// <paramref name="first"/> + <paramref name="count"/>), frame for frame; identical frames (infinite PSNR) are left out.
    /// </summary>
    public async Task<double> LowestPsnrAsync(string clip, string source, int first, int count)
    {
        var stats = PathOf($"psnr-{Guid.NewGuid():N}.log");
        await FfmpegCommand.From(clip).AddInput(source)
            .OutputToNull(o => o.WithCustomArgument($"-filter_complex [1:v]trim=start_frame={first}:end_frame={first + count},setpts=PTS-STARTPTS[r];[0:v]setpts=PTS-STARTPTS[c];[c][r]psnr=stats_file={stats}"))
            .RunAsync();
        var values = File.ReadLines(stats).Select(l => l.Split(' ').First(f => f.StartsWith("psnr_avg:", StringComparison.Ordinal))[9..]).ToList();
        Assert.Equal(count, values.Count);
        return values.Where(v => v != "inf").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).DefaultIfEmpty(double.PositiveInfinity).Min();
    }

    /// <summary>A stream copy with the rotate tag, which FFmpeg 5.1 writes as a display matrix, as phones record portrait.</summary>
    public static async Task<string> RotateAsync(string input, string output)
    {
        await FfmpegCommand.From(input).ToFile(output, o => o.CopyStreams().WithStreamMetadata("rotate", "90", StreamType.Video, 0)).RunAsync();
        return output;
    }

    /// <summary>Format, streams and chapters of a file, through the adapter.</summary>
    public static Task<IMediaAnalysis> AnalyseAsync(string path, ProcessRunOptions? options = null) => Ffprobe.AnalyseAsync(path, "", options);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
