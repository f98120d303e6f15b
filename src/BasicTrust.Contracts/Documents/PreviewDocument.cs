using BasicTrust.Highlights.Texts;
using BasicTrust.Media.Previews;
using BasicTrust.Media.Probing;

namespace BasicTrust.Contracts.Documents;

/// <summary>
/// Where a recording's browser preview is. <see cref="Offered"/>: some browsers play the recording as it is (HEVC from a
/// phone plays in Safari and where the system decodes it), so the page asks its own browser and requests a preview only
/// when it cannot.
/// </summary>
public enum PreviewState { Making, Ready, NotNeeded, Failed, Offered }

/// <summary>
/// <c>pipeline/{caseId}/{sessionId}/preview.json</c>: whether the editor plays the recording itself or a preview of it
/// (<see cref="Blob"/> in the <c>previews</c> container), for which version of the recording, why in a sentence (in
/// English, and as the catalogue's <see cref="ReasonKey"/> and <see cref="ReasonArgs"/> for the reader's language),
/// and since when (a worker that died while making it leaves <see cref="PreviewState.Making"/> behind). <see cref="Type"/>
/// is the recording's media type with its codecs (<c>video/mp4; codecs="hvc1.1.6.L120.B0,mp4a.40.2"</c>), what a page
/// asks its browser about. A transcoded preview is made in <see cref="Segments"/> (windows of the recording, each its own
/// job and blob, <see cref="SegmentBlob"/>), <see cref="SegmentsReady"/> the ones made, <see cref="Media"/> the probed
/// recording the jobs read, and <see cref="Type"/> then the segments' type; it is ready once every segment is, and
/// <see cref="Since"/> moves with each segment made (a preview still "making" is one no job has moved on for a while).
/// </summary>
public sealed record PreviewDocument(string Recording, string RecordingETag, PreviewState State, PreviewNeed Need = PreviewNeed.None, string? Reason = null,
    string? Blob = null, DateTimeOffset? Since = null, string? ReasonKey = null, IReadOnlyDictionary<string, string>? ReasonArgs = null, string? Type = null,
    IReadOnlyList<PreviewSegment>? Segments = null, IReadOnlyList<int>? SegmentsReady = null, MediaInfo? Media = null)
{
    /// <summary>Where segment <paramref name="index"/> of the preview of the session in <paramref name="folder"/> is, in the <c>previews</c> container (under the session's folder, so a purge and retention remove it with the rest).</summary>
    public static string SegmentBlob(string folder, int index) => $"{folder}/preview/{index:D5}.mp4";

    /// <summary>Whether segment <paramref name="index"/> has been made.</summary>
    public bool IsReady(int index) => SegmentsReady?.Contains(index) == true;

    /// <summary>The same document with <paramref name="reason"/> as its reason (none when null).</summary>
    public PreviewDocument Because(Sentence? reason) => this with { Reason = reason?.ToString(), ReasonKey = reason?.Key, ReasonArgs = reason?.Args };

    /// <summary>The reason in <paramref name="language"/>; one stored before reasons had keys stays in English.</summary>
    public string? ReasonIn(string language) => ReasonKey is null ? Reason : Catalogue.Render(language, ReasonKey, ReasonArgs);

    /// <summary>What the page is told: a preview still "making" long after any run could have finished failed.</summary>
    public PreviewDocument AsOf(DateTimeOffset now, TimeSpan longestRun) =>
        State == PreviewState.Making && Since is { } since && now - since > longestRun
            ? (this with { State = PreviewState.Failed }).Because(Sentence.Of("preview.unfinished"))
            : this;
}
