using BasicTrust.Highlights.Planning;
using BasicTrust.Highlights.Time;
using BasicTrust.Media.Clips;
using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Indexing;
using BasicTrust.Media.Probing;
using BasicTrust.Media.SmartCut;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Reels;

/// <summary>
/// A clip's version for the reel with its emphases (freezes, slow motion) made in it; the clip file is only read. Only
/// the GOPs holding an emphasis are decoded and encoded again, with the plan's one encoding, so the copied frames and
/// the encoded ones share the clip's SPS and PPS and the reel still joins every clip by stream copy.
/// </summary>
public static class EmphasisRenderer
{
    /// <summary>
    /// Writes <paramref name="output"/>: the clip at <paramref name="clip"/> (a precise or smart-cut clip of the plan,
    /// cut with <paramref name="encoding"/>) with <paramref name="emphases"/>, in its frames as planned.
    /// </summary>
    public static async Task RenderAsync(string clip, IReadOnlyList<ClipEmphasis> emphases, ClipEncoding encoding, string output,
        ProcessRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (emphases.Count == 0) throw new ArgumentException("A reel version needs an emphasis.", nameof(emphases));
        var source = new MediaSource(Path.GetFullPath(clip), await MediaProbe.ProbeAsync(clip, options, cancellationToken).ConfigureAwait(false));
        if (await ContainerIndex.ReadAsync(source, cancellationToken).ConfigureAwait(false) is not { Keyframes.IsConstantFrameRate: true } index)
            throw new InvalidDataException("A clip is an MP4 at a constant frame rate; this one has no such index.");
        var keyframes = index.Keyframes;
        var fitted = Fit(emphases, keyframes.FrameCount);
        var parts = EmphasisPart.Split([.. keyframes.KeyframeNumbers()], keyframes.FrameCount, fitted);
        // How far a copied packet's decode time runs ahead of its picture; x264's default (a B-pyramid) when unknown.
        var reorder = index.ParameterSets is { } sets && AvcHeaders.Parse(sets) is { } headers ? headers.ReorderFrames : 2;

        var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, $".{Path.GetFileName(output)}.parts"));
        try
        {
            var files = parts.Select((_, i) => Path.Combine(folder.FullName, $"{i}.ts")).ToList();
            var sound = source.Info.Audio is null ? null : Path.Combine(folder.FullName, "sound.m4a");
            var runs = parts.Zip(files, (part, file) => part.Copy
                ? EmphasisCommands.Copy(source, keyframes, reorder, part, file)
                : EmphasisCommands.Encode(source, keyframes, encoding, part, file)).ToList();
            if (sound is not null)
                runs.Add(EmphasisCommands.Sound(source, EmphasisFilters.Sound(fitted, keyframes.FrameCount, FrameGrid.Parse(encoding.FrameRate)), sound));
            await Task.WhenAll(runs.Select(r => r.RunAsync(options, cancellationToken))).ConfigureAwait(false);
            await PartialFile.WriteAsync(output, partial => EmphasisCommands.Join(files, sound, keyframes.Timescale, partial).RunAsync(options, cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The emphases inside the clip as cut (its last frame may be one earlier than planned).</summary>
    static IReadOnlyList<ClipEmphasis> Fit(IReadOnlyList<ClipEmphasis> emphases, int frames) =>
        [.. emphases.Select(e =>
        {
            var from = Math.Min(e.From, frames - 1);
            var count = Math.Min(e.Count, frames - from);
            return e with { From = from, Count = count, Added = e.Kind == Highlights.Manifest.EmphasisKind.Slow ? count : e.Added };
        })];
}
