using BasicTrust.Highlights.Vocabulary;
using BasicTrust.Media.Clips;

namespace BasicTrust.Contracts.Documents;

/// <summary>
/// <c>clips/{caseId}/{sessionId}/{planId}/{clipId}.json</c>: a clip's tag metadata and timing, requested versus
/// actual, in seconds (three decimals) and frames, and how it was cut (re-encode, smart-cut or stream-copy).
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
    string? SmallStill = null)
{
    /// <summary>The document of a cut clip; <paramref name="video"/>, <paramref name="still"/> and <paramref name="smallStill"/> (320 px wide) are <c>container/blob</c> paths.</summary>
    public static ClipDocument From(PlannedClip clip, string planId, ClipAccuracy accuracy, CutMethod cut, string video, string still, string smallStill) =>
        new(clip.ClipId, planId, clip.Index, clip.Valence, clip.Title, clip.Tags, ClipTiming.From(accuracy), video, still, cut, smallStill);
}

/// <summary>Requested and actual in/out in recording seconds, and how many frames they differ.</summary>
public sealed record ClipTiming(double RequestedIn, double RequestedOut, double ActualIn, double ActualOut, int InOffsetFrames, int OutOffsetFrames, double Duration)
{
    public static ClipTiming From(ClipAccuracy a) =>
        new(Seconds(a.RequestedIn), Seconds(a.RequestedOut), Seconds(a.ActualIn), Seconds(a.ActualOut), a.InOffsetFrames, a.OutOffsetFrames, Seconds(a.ActualDuration));

    static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 3);
}
