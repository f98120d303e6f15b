using BasicTrust.Media.Ffmpeg;

namespace BasicTrust.Media.Reels;

/// <summary>
/// Joins clips into the highlight reel by stream copy (concat demuxer), with chapters and a <c>mov_text</c>
/// caption track, then checks the result decodes cleanly and has its index first.
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
            var captions = Path.Combine(work.FullName, "captions.vtt");
            await File.WriteAllTextAsync(list, ConcatList(reel.ClipFiles), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(metadata, FfMetadata.Write(reel.Title, reel.Chapters), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(captions, WebVtt.Write(reel.Cues), cancellationToken).ConfigureAwait(false);

            var hasCaptions = reel.Cues.Count > 0;
            var args = new FfmpegArguments().LogLevel("error").ProgressToStdout()
                // -safe 0: the list holds absolute paths, all written by us just above.
                .Input(list, i => i.Format("concat").ProtocolWhitelist("file").Custom("-safe", "0"))
                .Input(metadata, i => i.Format("ffmetadata").ProtocolWhitelist("file"));
            if (hasCaptions) args.Input(captions, i => i.Format("webvtt").ProtocolWhitelist("file"));
            await PartialFile.WriteAsync(output, partial => ProcessRunner.RunAsync("ffmpeg", args.Output(partial, o =>
            {
                o.Map("0:v:0").Map("0:a:0").Custom("-map_metadata", "1", "-map_chapters", "1").CopyAll();
                if (hasCaptions) o.Map("2:s:0").Custom("-c:s", "mov_text", "-metadata:s:s:0", $"language={Iso639Part2(reel.Language)}");
                o.Mp4FastStart();
            }).Build(), options, cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            work.Delete(recursive: true);
        }
        await VerifyAsync(output, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Decodes the picture and sound (stopping at the first error) and checks <c>moov</c> precedes <c>mdat</c>.</summary>
    public static async Task VerifyAsync(string path, ProcessRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        await ProcessRunner.RunAsync("ffmpeg", new FfmpegArguments().LogLevel("error")
            .Input(path, i => i.Format("mov").ProtocolWhitelist("file").Custom("-xerror"))
            .Output("-", o => o.Map("0:v").Map("0:a?").Custom("-f", "null")).Build(), options, cancellationToken).ConfigureAwait(false);
        if (!Mp4Boxes.IsFastStart(path))
            throw new InvalidDataException("The reel's index is not at the front of the file.");
    }

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
