using BasicTrust.Media.Ffmpeg;
using BasicTrust.Media.Sources;

namespace BasicTrust.Media.Clips;

/// <summary>A JPEG of one moment (a tag's key moment), upright and at the clips' size.</summary>
public static class Still
{
    /// <summary>Writes the frame shown at <paramref name="at"/> to <paramref name="output"/> (JPEG).</summary>
    public static Task SaveAsync(MediaSource source, TimeSpan at, ClipEncoding encoding, string output,
        ProcessRunOptions? options = null, CancellationToken cancellationToken = default) =>
        PartialFile.WriteAsync(output, partial => ProcessRunner.RunAsync("ffmpeg", new FfmpegArguments().LogLevel("error")
            .Input(source.Location, i => { source.Apply(i); i.Seek(at); })
            .Output(partial, o => o
                .Map("0:v:0").Frames(1)
                .VideoFilter($"scale={encoding.Width}:{encoding.Height},setsar=1")
                .DropSourceMetadata()
                // mjpeg quality scale: 2 is best, 31 worst; 3 is visually clean at a few tens of kB.
                .Custom("-q:v", "3", "-f", "image2", "-c:v", "mjpeg", "-update", "1"))
            .Build(), options, cancellationToken));
}
