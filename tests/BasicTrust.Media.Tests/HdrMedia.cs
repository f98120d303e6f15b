using System.Globalization;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Hdr;
using FFMpegCore.Enums;

namespace BasicTrust.Media.Tests;

/// <summary>
/// Tiny HDR recordings as phones write them (10-bit HEVC, BT.2020, HLG or PQ, tagged in the stream and the container)
/// with patches at the levels BT.2408 gives: HDR reference white (203 cd/m²: HLG 75 %, PQ 58 %) on the left third,
/// an 18 % grey card (26 cd/m²: 38 % in both) in the middle, a skin-like colour on the right.
/// </summary>
static class HdrMedia
{
    /// <summary>Where the patches are, as fractions of the picture's width.</summary>
    public static readonly (double From, double To) White = (0.05, 0.28), Grey = (0.38, 0.62), Colour = (0.72, 0.95);

    /// <summary>10-bit limited-range luma of reference white and the grey card.</summary>
    public static (int White, int Grey) Levels(HdrTransfer transfer) => transfer == HdrTransfer.Hlg ? (721, 396) : (573, 397);

    /// <summary>The patches; with <paramref name="numbered"/>, instead ten black/white blocks across the picture that spell the frame's number (as <see cref="TestMedia.NumberedVideoAsync"/>), white at reference white.</summary>
    public static async Task<string> VideoAsync(TestMedia media, HdrTransfer transfer, string name = "hdr.mp4", double seconds = 1, string size = "320x180",
        int rate = 25, bool numbered = false, bool audio = false, string codec = "libx265")
    {
        var (white, grey) = Levels(transfer);
        var length = seconds.ToString(CultureInfo.InvariantCulture);
        var picture = numbered
            ? $"geq=lum='64+{white - 64}*mod(floor(N/pow(2\\,floor(X*10/W)))\\,2)':cb=512:cr=512"
            : $"geq=lum='if(lt(X\\,W/3)\\,{white}\\,if(lt(X\\,2*W/3)\\,{grey}\\,500))':cb='if(lt(X\\,2*W/3)\\,512\\,400)':cr='if(lt(X\\,2*W/3)\\,512\\,650)'";
        var args = FfmpegCommand.From($"color=c=black:size={size}:rate={rate}:duration={length},format=yuv420p10le,{picture}", i => i.AsLavfi());
        if (audio) args.AddInput($"sine=frequency=440:sample_rate=48000:duration={length}", i => i.AsLavfi());
        var trc = transfer == HdrTransfer.Hlg ? "arib-std-b67" : "smpte2084";
        var path = media.PathOf(name);
        await args.ToFile(path, o =>
        {
            o.WithVideoCodec(codec).WithCustomArgument(codec == "libx265"
                ? $"-preset ultrafast -pix_fmt yuv420p10le -x265-params log-level=error:keyint=50:colorprim=bt2020:transfer={trc}:colormatrix=bt2020nc -tag:v hvc1"
                : "-preset ultrafast -pix_fmt yuv420p -g 50");
            o.WithCustomArgument($"-color_primaries bt2020 -color_trc {trc} -colorspace bt2020nc");
            if (audio) o.WithAudioCodec(AudioCodec.Aac); else o.DisableAudio();
        }).RunAsync();
        return path;
    }

    /// <summary>The first frame of a video or a JPEG as 8-bit RGB, converted by FFmpeg as a player would (its matrix and range from the tags).</summary>
    public static async Task<Picture> FirstFrameAsync(TestMedia media, string file)
    {
        var raw = media.PathOf($"{Path.GetFileNameWithoutExtension(file)}-{Guid.NewGuid():N}.rgb");
        var size = (await TestMedia.AnalyseAsync(file)).PrimaryVideoStream!;
        await FfmpegCommand.From(file).ToFile(raw, o => o.WithFrameCount(1).WithCustomArgument("-pix_fmt rgb24").ForceFormat(ContainerFormats.RawVideo)).RunAsync();
        return new Picture(await File.ReadAllBytesAsync(raw), size.Width ?? 0, size.Height ?? 0);
    }
}

/// <summary>An 8-bit RGB picture, read for the mean of a patch.</summary>
sealed record Picture(byte[] Rgb, int Width, int Height)
{
    /// <summary>Mean red, green and blue over the columns between the fractions <paramref name="patch"/> of the width, the middle half of the rows.</summary>
    public (double R, double G, double B) Mean((double From, double To) patch)
    {
        var (sum, count) = (new double[3], 0);
        for (var y = Height / 4; y < Height * 3 / 4; y++)
            for (var x = (int)(patch.From * Width); x < (int)(patch.To * Width); x++, count++)
                for (var c = 0; c < 3; c++) sum[c] += Rgb[(y * Width + x) * 3 + c];
        return (sum[0] / count, sum[1] / count, sum[2] / count);
    }

    /// <summary>The grey level of a neutral patch: the mean of its three channels.</summary>
    public double Level((double From, double To) patch) => Mean(patch) is var (r, g, b) ? (r + g + b) / 3 : 0;
}
