using FFMpegCore;
using FFMpegCore.Enums;

namespace BasicTrust.Media.Ffmpeg;

/// <summary>
/// The FFmpeg options we use that FFMpegCore has no typed method for (its custom-argument hook, constants only), and
/// the encodings every clip shares.
/// </summary>
public static class ArgumentExtensions
{
    /// <summary>Only these protocols may be opened (<c>file</c>, or <c>http,https,tcp,tls</c> for a link): a crafted file cannot make FFmpeg fetch anything else.</summary>
    public static FFMpegInputOptions WithProtocolWhitelist(this FFMpegInputOptions input, IEnumerable<string> protocols) =>
        input.WithCustomArgument($"-protocol_whitelist {string.Join(',', protocols)}");

    /// <summary>A generated input (lavfi graph of our own numbers), e.g. silence for a clip without sound.</summary>
    public static FFMpegInputOptions AsLavfi(this FFMpegInputOptions input) => input.WithCustomArgument("-f lavfi");

    /// <summary>
    /// For a loopback or storage link: reconnect on dropped or failed reads (Azurite occasionally answers a range with 500,
    /// https://ffmpeg.org/ffmpeg-protocols.html#http), and a small TCP receive buffer: FFmpeg drops the connection
    /// whenever it seeks, and everything the kernel buffered ahead (megabytes, with Linux's autotuning) was fetched for nothing.
    /// </summary>
    public const string NetworkFlags = "-reconnect 1 -reconnect_on_network_error 1 -reconnect_on_http_error 5xx -reconnect_delay_max 4 -recv_buffer_size 65536";

    /// <summary>
    /// Drops every stream's own tags (a phone writes its model and location there too). A metadata input replaces only
    /// the global tags; stream tags would still be copied from the source.
    /// </summary>
    public static FFMpegOutputOptions WithoutStreamMetadata(this FFMpegOutputOptions output) =>
        output.WithCustomArgument("-map_metadata:s:v -1 -map_metadata:s:a -1");

    /// <summary>Maps a stream if the input has it (<c>0:a:0?</c>); FFMpegCore's typed map has no optional form.</summary>
    public static FFMpegOutputOptions WithOptionalMap(this FFMpegOutputOptions output, string specifier) =>
        output.WithCustomArgument($"-map {specifier}?");

    /// <summary>H.264 High profile, yuv420p, with this preset and CRF: plays everywhere, including Apple devices.</summary>
    public static FFMpegOutputOptions WithH264(this FFMpegOutputOptions output, EncoderPreset preset, int crf) =>
        output.WithVideoCodec(VideoCodec.LibX264).WithSpeedPreset(preset).WithConstantRateFactor(crf)
            .WithVideoProfile(VideoProfile.High).WithCustomArgument("-pix_fmt yuv420p"); // typed WithPixelFormat asks ffmpeg for its format list first

    /// <summary>AAC at 48 kHz stereo: the same for every clip, so clips concatenate by stream copy.</summary>
    public static FFMpegOutputOptions WithAacStereo(this FFMpegOutputOptions output, int kilobitsPerSecond = 128) =>
        output.WithAudioCodec(AudioCodec.Aac).WithAudioBitrate(kilobitsPerSecond).WithAudioSamplingRate(48000).WithAudioChannels(2);

    /// <summary>
    /// The MP4's duration in a timescale every standard frame rate divides (120000 = 24000·5 = 30000·4 = 60000·2), not
    /// FFmpeg's default of milliseconds: the concat demuxer places each clip after the one before by that duration, and
    /// a clip of 60 frames at 24000/1001 (2.5025 s) rounded to 2.503 s left a gap in the reel's video.
    /// </summary>
    public static FFMpegOutputOptions WithExactDuration(this FFMpegOutputOptions output) =>
        output.WithCustomArgument("-movie_timescale 120000");

    /// <summary>MP4 with the index at the front (plays while downloading) and the <c>avc1</c> tag Apple players want.</summary>
    public static FFMpegOutputOptions AsFastStartMp4(this FFMpegOutputOptions output) =>
        output.WithFastStart().WithCodecTag("avc1", StreamType.Video).ForceFormat(ContainerFormats.Mp4);
}
