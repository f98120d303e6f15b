using System.ComponentModel.DataAnnotations;

namespace BasicTrust.Functions.Pipeline;

/// <summary>Settings of the pipeline, bound from <c>BasicTrust:Pipeline</c> (app settings <c>BasicTrust__Pipeline__…</c>).</summary>
public sealed class PipelineOptions
{
    /// <summary>How long the read link FFmpeg uses on a recording lives (it covers one clip's cut).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "02:00:00")]
    public TimeSpan RecordingLinkLifetime { get; set; } = TimeSpan.FromMinutes(45);

    /// <summary>How long a read link handed to a person (a reel, a clip, a still, the recording's preview) lives; long playback asks again.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan ReadLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an upload link lives; <c>bt upload</c> and the web app ask for a new one when it runs out mid-upload.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "12:00:00")]
    public TimeSpan UploadLinkLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long an HTTP request may wait on storage before it is answered 503 with Retry-After (a stalled storage
    /// account must not leave people waiting for no answer); a function may set its own (<c>[RequestDeadline]</c>).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:03:00")]
    public TimeSpan RequestDeadline { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A session whose clips are all done but has no reel after this long is repaired by the sweep.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The shortest window of a transcoded preview that one job makes (each starts at a keyframe): shorter windows play
    /// sooner and spread over more instances, longer ones cost fewer runs and links.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PreviewSegmentLength { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>x264 preset of precise clips: the speed/size trade-off measured in bench/.</summary>
    [RegularExpression("^(ultrafast|superfast|veryfast|faster|fast|medium)$")]
    public string Preset { get; set; } = "superfast";

    /// <summary>Create the containers and the review index table at start-up (local runs); in Azure the infrastructure creates them.</summary>
    public bool CreateContainers { get; set; } = true;
}
