using BasicTrust.Media.Ffmpeg;
using FFMpegCore.Enums;

namespace BasicTrust.Media.Bench;

/// <summary>The cached benchmark recording: 20 minutes of 1080p30 H.264 (2 s GOP) with AAC, index at the end as cameras write it.</summary>
static class Recording
{
    public static async Task<string> EnsureAsync(string cache)
    {
        var path = Path.Combine(cache, "recording-1080p30-20min.mp4");
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(cache);
        Console.Error.WriteLine("generating the 20-minute 1080p30 recording once (several minutes); it is cached in bench/.cache");
        await PartialFile.WriteAsync(path, partial => FfmpegCommand.From("testsrc2=size=1920x1080:rate=30:duration=1200", i => i.AsLavfi())
            .AddInput("sine=frequency=440:beep_factor=4:sample_rate=48000:duration=1200", i => i.AsLavfi())
            .ToFile(partial, o => o.WithVideoCodec(VideoCodec.LibX264).WithSpeedPreset(EncoderPreset.UltraFast).WithConstantRateFactor(23).WithGopSize(60)
                .WithCustomArgument("-pix_fmt yuv420p").WithAudioCodec(AudioCodec.Aac).WithAudioBitrate(128).ForceFormat(ContainerFormats.Mp4))
            .RunAsync(new ProcessRunOptions { Timeout = TimeSpan.FromHours(1) }));
        return path;
    }
}
