using BasicTrust.Highlights.Vocabulary;
using BasicTrust.Media.Clips;

namespace BasicTrust.Contracts.Documents;

/// <summary>
/// <c>clips/{caseId}/{sessionId}/{planId}/{clipId}.json</c>: a clip's tag metadata and timing, requested versus
/// actual, in seconds (three decimals) and frames, how it was cut (re-encode, smart-cut or stream-copy) and why (the
/// plan's reason, e.g. "re-encode: the source is HDR (HLG), converted to SDR"), and, when its files were copied from an
/// earlier plan's clip with the same identity instead of being cut again, which clip that was.
/// </summary>
public sealed record ClipDocument(
    string ClipId,
    string PlanId,
    int Index,
    Valence Valence,
    string Title,
    IReadOnlyList<PlannedTag> Tags,
    ClipTiming Timing,
    string Video,
    string Still,
    CutMethod Cut,
    string? SmallStill = null,
    string? CutReason = null,
    string? ReusedFrom = null)
{
    /// <summary>The document of a cut clip; <paramref name="video"/>, <paramref name="still"/> and <paramref name="smallStill"/> (320 px wide) are <c>container/blob</c> paths.</summary>
    public static ClipDocument From(PlannedClip clip, string planId, ClipAccuracy accuracy, CutMethod cut, string video, string still, string smallStill, string? cutReason = null) =>
        new(clip.ClipId, planId, clip.Index, clip.Valence, clip.Title, clip.Tags, ClipTiming.From(accuracy), video, still, cut, smallStill, cutReason);

    /// <summary>The document of a clip whose video was copied from <paramref name="source"/>'s: its timing and cut way, this plan's names and tags.</summary>
    public static ClipDocument Reused(PlannedClip clip, string planId, ClipDocument source, string video, string still, string smallStill, string? cutReason = null) =>
        new(clip.ClipId, planId, clip.Index, clip.Valence, clip.Title, clip.Tags, source.Timing, video, still, source.Cut, smallStill, cutReason, source.ClipId);
}

/// <summary>Requested and actual in/out in recording seconds, and how many frames they differ.</summary>
public sealed record ClipTiming(double RequestedIn, double RequestedOut, double ActualIn, double ActualOut, int InOffsetFrames, int OutOffsetFrames, double Duration)
{
    public static ClipTiming From(ClipAccuracy a) =>
        new(Seconds(a.RequestedIn), Seconds(a.RequestedOut), Seconds(a.ActualIn), Seconds(a.ActualOut), a.InOffsetFrames, a.OutOffsetFrames, Seconds(a.ActualDuration));

    static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 3);
}
