using System.Globalization;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Reels;
using FFMpegCore.Enums;

namespace BasicTrust.Media.Bench;

/// <summary>
/// A benchmark recording, generated once into bench/.cache: testsrc2 with a beeping tone, x264 ultrafast CRF 23 (or
/// x265, as phones record), AAC, the index at the end as cameras write it. Longer ones of a family are the short one
/// repeated by stream copy.
/// </summary>
sealed record Source(string Name, string File, int Seconds, string Size, string X264, string? RepeatOf = null, int Times = 1, string Encoder = "libx264",
    string PixelFormat = "yuv420p")
{
    public static readonly Source Main = new("20-min 1080p, 2 s GOP", "recording-1080p30-20min.mp4", 1200, "1920x1080", "-g 60");
    public static readonly Source Gop10 = new("5-min 1080p, 10 s GOP", "recording-1080p30-5min-gop10s.mp4", 300, "1920x1080", "-g 300");
    // Open GOPs (fixed runs of 3 B-frames, no scene cuts): the B-frames after each keyframe need the GOP before it.
    public static readonly Source OpenGop = new("5-min 1080p, 2 s open GOP", "recording-1080p30-5min-open-gop.mp4", 300, "1920x1080",
        "-g 60 -bf 3 -x264-params open-gop=1:b-adapt=0:scenecut=0");
    // Settings of another encoder than ours: a phone's hardware encoder writes Main profile, CAVLC, no B-frames and a 1 s GOP.
    public static readonly Source PhoneLike = new("5-min 1080p, phone-like (Main, CAVLC, 1 s GOP)", "recording-1080p30-5min-phone.mp4", 300, "1920x1080",
        "-g 30 -bf 0 -coder 0 -profile:v main -level 4.0");
    // B-pyramids: B-frames used as references by other B-frames (x264's default above ultrafast).
    public static readonly Source BPyramid = new("5-min 1080p, 2 s GOP, B-pyramid", "recording-1080p30-5min-bpyramid.mp4", 300, "1920x1080",
        "-g 60 -bf 3 -x264-params b-pyramid=normal:b-adapt=0:scenecut=0");
    public static readonly Source Short720 = new("2-min 720p", "recording-720p30-2min.mp4", 120, "1280x720", "-g 60");
    public static readonly Source Medium720 = new("20-min 720p", "recording-720p30-20min.mp4", 1200, "1280x720", "-g 60", Short720.File, 10);
    public static readonly Source Long720 = new("2-h 720p", "recording-720p30-2h.mp4", 7200, "1280x720", "-g 60", Short720.File, 60);

    public TimeSpan Length => TimeSpan.FromSeconds(Seconds);

    public async Task<string> EnsureAsync(string cache)
    {
        var path = Path.Combine(cache, File);
        if (System.IO.File.Exists(path)) return path;
        Directory.CreateDirectory(cache);
        Console.Error.WriteLine($"generating {Name} once; it is cached in bench/.cache");
        var run = new ProcessRunOptions { Timeout = TimeSpan.FromHours(2) };
        if (RepeatOf is { } shortFile)
        {
            var list = Path.Combine(cache, File + ".ffconcat");
            await System.IO.File.WriteAllTextAsync(list, ReelAssembler.ConcatList(Enumerable.Repeat(Path.Combine(cache, shortFile), Times)));
            await PartialFile.WriteAsync(path, partial => FfmpegCommand.From(list, i => i.WithCustomArgument("-f concat -safe 0"))
                .ToFile(partial, o => o.CopyStreams().ForceFormat(ContainerFormats.Mp4)).RunAsync(run));
            System.IO.File.Delete(list);
            return path;
        }
        var seconds = Seconds.ToString(CultureInfo.InvariantCulture);
        await PartialFile.WriteAsync(path, partial => FfmpegCommand.From($"testsrc2=size={Size}:rate=30:duration={seconds}", i => i.AsLavfi())
            .AddInput($"sine=frequency=440:beep_factor=4:sample_rate=48000:duration={seconds}", i => i.AsLavfi())
            .ToFile(partial, o => o.WithVideoCodec(Encoder).WithSpeedPreset(EncoderPreset.UltraFast).WithConstantRateFactor(23).WithCustomArgument(X264)
                .WithCustomArgument($"-pix_fmt {PixelFormat}").WithAudioCodec(AudioCodec.Aac).WithAudioBitrate(128).ForceFormat(ContainerFormats.Mp4))
            .RunAsync(run));
        return path;
    }
}
