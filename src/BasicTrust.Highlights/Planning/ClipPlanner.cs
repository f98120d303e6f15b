using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Time;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Highlights.Planning;

/// <summary>
/// Turns tags into clips: pre/post roll, clamping to the recording, merging near neighbours, length
/// checks. Pure functions, so each step has its own behaviour tests.
/// </summary>
public static class ClipPlanner
{
    /// <summary>Clips closer than this are merged: a cut that short would only jar.</summary>
    public static readonly TimeSpan MergeGap = TimeSpan.FromSeconds(1);
    /// <summary>Shorter clips are refused: too short to show anything.</summary>
    public static readonly TimeSpan MinClip = TimeSpan.FromSeconds(1);
    /// <summary>Longer clips get a warning: feedback moments are short.</summary>
    public static readonly TimeSpan LongClip = TimeSpan.FromSeconds(180);

    /// <summary>A tag's window in the recording before merging.</summary>
    public readonly record struct Window(TimeSpan In, TimeSpan Out, IReadOnlyList<Tag> Tags);

    /// <summary>
    /// Applies pre/post roll and clamps to [0, duration]. A tag running past the end is cut short with
    /// a warning; one that starts at or after the end is an error and gets no window.
    /// </summary>
    public static IReadOnlyList<Window> Windows(IEnumerable<Tag> tags, ReelSettings settings, TimeSpan duration, List<Problem> problems)
    {
        var windows = new List<Window>();
        foreach (var tag in tags)
        {
            if (tag.Start >= duration)
            {
                problems.Add(Problem.Error($"{tag.Path}.start", "within-recording", "problem.within-recording.start",
                    ("tag", tag.Id), ("start", TimeCode.Format(tag.Start)), ("duration", TimeCode.Format(duration))));
                continue;
            }
            if (tag.End > duration)
                problems.Add(Problem.Warning($"{tag.Path}.end", "within-recording",
                    tag.KeyMoment >= duration ? "problem.within-recording.end-still" : "problem.within-recording.end",
                    ("tag", tag.Id), ("end", TimeCode.Format(tag.End)), ("duration", TimeCode.Format(duration)), ("key", TimeCode.Format(tag.KeyMoment))));
            var start = tag.Start - settings.PreRoll;
            var end = tag.End + settings.PostRoll;
            windows.Add(new Window(start < TimeSpan.Zero ? TimeSpan.Zero : start, end > duration ? duration : end, [tag]));
        }
        return windows;
    }

    /// <summary>
    /// Moves each window's edges inward to whole frames of <paramref name="grid"/>, the rate the clips are encoded at: a
    /// clip then starts on the frame the cutters start on and lasts a whole number of frames, so the reel's timeline (and
    /// every emphasis in it) lies exactly where its frames are. Inward, so a window never reaches into a safety concern
    /// or past the recording's end; a clip loses less than a frame at either end.
    /// </summary>
    public static IReadOnlyList<Window> Snap(IEnumerable<Window> windows, FrameGrid grid) =>
        [.. windows.Select(w => grid.AtOrBefore(w.Out) > grid.AtOrAfter(w.In) ? w with { In = grid.AtOrAfter(w.In), Out = grid.AtOrBefore(w.Out) } : w)];

    /// <summary>Sorts windows by start and merges those that overlap or are closer than <see cref="MergeGap"/>.</summary>
    public static IReadOnlyList<Window> Merge(IEnumerable<Window> windows)
    {
        var merged = new List<Window>();
        foreach (var window in windows.OrderBy(w => w.In).ThenBy(w => w.Out))
        {
            if (merged.Count > 0 && window.In - merged[^1].Out < MergeGap)
            {
                var last = merged[^1];
                merged[^1] = new Window(last.In, window.Out > last.Out ? window.Out : last.Out, [.. last.Tags, .. window.Tags]);
            }
            else
            {
                merged.Add(window);
            }
        }
        return merged;
    }

    /// <summary>Numbers the merged windows into clips and checks their length (too short: error; very long: warning).</summary>
    public static IReadOnlyList<ClipPlan> Clips(IReadOnlyList<Window> merged, string planId, List<Problem> problems)
    {
        var clips = new List<ClipPlan>();
        for (var i = 0; i < merged.Count; i++)
        {
            var clip = new ClipPlan(i, PlanIds.ClipId(planId, i), merged[i].In, merged[i].Out, merged[i].Tags);
            var path = clip.Tags[0].Path;
            var ids = string.Join(", ", clip.Tags.Select(t => $"'{t.Id}'"));
            if (clip.Duration < MinClip)
                problems.Add(Problem.Error(path, "min-length", "problem.min-length", ("tags", ids), ("length", TimeCode.Seconds(clip.Duration)), ("min", MinClip.TotalSeconds)));
            else if (clip.Duration > LongClip)
                problems.Add(Problem.Warning(path, "long-clip", "problem.long-clip", ("tags", ids), ("length", TimeCode.Format(clip.Duration))));
            clips.Add(clip);
        }
        return clips;
    }
}
