using BasicTrust.Media.Ffmpeg;
using FFMpegCore;
using FFMpegCore.Enums;

namespace BasicTrust.Media.Reels;

/// <summary>
/// Joins clips into the highlight reel by stream copy (concat demuxer), with chapters and a <c>mov_text</c>
/// caption track (our own <see cref="TimedText"/> samples, copied), then checks the result decodes cleanly and has its index first.
/// </summary>
public static class ReelAssembler
{
    /// <summary>Writes <paramref name="output"/> (MP4). Throws <see cref="MediaProcessException"/> if FFmpeg fails or the result does not decode.</summary>
    public static async Task AssembleAsync(ReelInput reel, string output, ProcessRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (reel.ClipFiles.Count == 0) throw new ArgumentException("A reel needs at least one clip.", nameof(reel));
        var work = Directory.CreateTempSubdirectory("bt-reel-");
        try
        {
            var list = Path.Combine(work.FullName, "clips.ffconcat");
            var metadata = Path.Combine(work.FullName, "chapters.ffmeta");
            var captions = Path.Combine(work.FullName, "captions.mp4");
            await File.WriteAllTextAsync(list, ConcatList(reel.ClipFiles), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(metadata, FfMetadata.Write(reel.Title, reel.Chapters), cancellationToken).ConfigureAwait(false);
            await File.WriteAllBytesAsync(captions, TimedText.Write(reel.Cues, Iso639Part2(reel.Language)), cancellationToken).ConfigureAwait(false);

            var hasCaptions = reel.Cues.Any(c => c.End > c.Start);
            await PartialFile.WriteAsync(output, partial => Command(list, metadata, hasCaptions ? captions : null, reel.Language, partial)
                .RunAsync(options, cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            work.Delete(recursive: true);
        }
        await VerifyAsync(output, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The concat list, the chapters (FFMETADATA, mapped as the reel's metadata and chapters) and the captions as
    /// inputs, each with its demuxer forced and only local files allowed; everything copied, the captions too (a
    /// <see cref="TimedText"/> MP4: converting WebVTT would pass them through FFmpeg's ASS, which alters the text).
    /// </summary>
    internal static FFMpegArgumentProcessor Command(string list, string metadata, string? captions, string language, string output)
    {
        // -safe 0: the list holds absolute paths, all written by us.
        var args = FfmpegCommand.From(list, i => i.WithCustomArgument("-f concat -safe 0").WithProtocolWhitelist(["file"]))
            .AddInput(metadata, i => i.WithCustomArgument("-f ffmetadata").WithProtocolWhitelist(["file"]));
        if (captions is not null) args.AddInput(captions, i => i.ForceFormat(ContainerFormats.Mov).WithProtocolWhitelist(["file"]));
        return args.ToFile(output, o =>
        {
            o.WithMap(0, StreamType.Video, 0).WithMap(0, StreamType.Audio, 0).WithMapMetadata(1).WithMapChapters(1).CopyStreams();
            if (captions is not null)
                o.WithMap(2, StreamType.Subtitle, 0).WithStreamMetadata("language", Iso639Part2(language), StreamType.Subtitle, 0);
            o.AsFastStartMp4();
        });
    }

    /// <summary>Decodes the picture and sound (stopping at the first error) and checks <c>moov</c> precedes <c>mdat</c>.</summary>
    public static async Task VerifyAsync(string path, ProcessRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        await VerifyCommand(path).RunAsync(options, cancellationToken).ConfigureAwait(false);
        if (!Mp4Boxes.IsFastStart(path))
            throw new InvalidDataException("The reel's index is not at the front of the file.");
    }

    internal static FFMpegArgumentProcessor VerifyCommand(string path) =>
        FfmpegCommand.From(path, i => i.ForceFormat(ContainerFormats.Mov).WithProtocolWhitelist(["file"]).WithCustomArgument("-xerror")) // no typed option: stop at the first decoding error
            .OutputToNull(o => o.WithMap(0, StreamType.Video).WithOptionalMap("0:a"));

    /// <summary>The concat demuxer's list; single quotes inside a path are closed, escaped and reopened.</summary>
    public static string ConcatList(IEnumerable<string> files) =>
        "ffconcat version 1.0\n" + string.Concat(files.Select(f => $"file '{Path.GetFullPath(f).Replace("'", @"'\''", StringComparison.Ordinal)}'\n"));

    /// <summary>MP4 stores a track's language as ISO 639-2; unknown codes become "und".</summary>
    static string Iso639Part2(string language) => language switch
    {
        "nl" => "dut", "en" => "eng", "de" => "ger", "fr" => "fre", "es" => "spa", "it" => "ita", "pt" => "por",
        "sv" => "swe", "da" => "dan", "no" => "nor", "fi" => "fin", "pl" => "pol", "tr" => "tur", "ar" => "ara",
        _ => "und",
    };
}
