using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Time;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Highlights.Planning;

/// <summary>
/// Places each shown tag's emphasis in its clip on the frame grid, and lays the clip's time out in reel time around
/// them. Pure, like the rest of planning: the renderer does exactly what these frames say.
/// </summary>
public static class EmphasisPlanner
{
    /// <summary>
    /// The clips with their emphases, in frames of the clip: the key moment's frame is the nearest frame to it (counted
    /// from the nearest frame to the clip's in point), a slow window is clamped to the clip. A draft reel shows none
    /// (its clips are copied, not encoded) and one overlapping an earlier emphasis in its clip is left out; both warn.
    /// </summary>
    public static IReadOnlyList<ClipPlan> Place(IReadOnlyList<ClipPlan> clips, FrameGrid grid, ClipQuality quality, List<Problem> problems) =>
        [.. clips.Select(clip => clip with { Emphases = Place(clip, grid, quality, problems) })];

    static IReadOnlyList<ClipEmphasis> Place(ClipPlan clip, FrameGrid grid, ClipQuality quality, List<Problem> problems)
    {
        var placed = new List<ClipEmphasis>();
        foreach (var tag in clip.Tags.Where(t => t.Emphasis is not null).OrderBy(t => t.KeyMoment).ThenBy(t => t.Index))
        {
            if (quality == ClipQuality.Draft)
            {
                problems.Add(Problem.Warning($"{tag.Path}.emphasis", "precise", "problem.emphasis.draft", ("tag", tag.Id)));
                continue;
            }
            var emphasis = Place(clip, tag, grid);
            if (placed.FirstOrDefault(emphasis.Overlaps) is { } other)
            {
                problems.Add(Problem.Warning($"{tag.Path}.emphasis", "overlap", "problem.emphasis.overlap", ("tag", tag.Id), ("other", other.TagId)));
                continue;
            }
            placed.Add(emphasis);
        }
        return [.. placed.OrderBy(e => e.From)];
    }

    static ClipEmphasis Place(ClipPlan clip, Tag tag, FrameGrid grid)
    {
        var (first, frames) = (grid.Frames(clip.In), (int)grid.Frames(clip.Duration));
        int Frame(TimeSpan time) => (int)Math.Clamp(grid.Frames(time) - first, 0, frames);
        var key = Math.Min(Frame(tag.KeyMoment < clip.In ? clip.In : tag.KeyMoment > clip.Out ? clip.Out : tag.KeyMoment), frames - 1);
        var keyMoment = grid.Time(first + key);
        var length = tag.Emphasis!.Length;
        if (tag.Emphasis.Kind == EmphasisKind.Freeze)
            return new ClipEmphasis(tag.Id, EmphasisKind.Freeze, keyMoment, key, 1, Math.Max(1, (int)grid.Frames(length)));
        // The window on the grid around the key moment's frame, so it is as long on both sides.
        var half = (int)grid.Frames(length);
        var (from, end) = (Math.Max(0, key - half), Math.Min(frames, key + half));
        return new ClipEmphasis(tag.Id, EmphasisKind.Slow, keyMoment, from, end - from, end - from);
    }

    /// <summary>Frames the clip's emphases add to it in the reel.</summary>
    public static int Added(IEnumerable<ClipEmphasis> emphases) => emphases.Sum(e => e.Added);

    /// <summary>
    /// A time in the clip (from its in point) as a time in its chapter: later by what the emphases before it added, so a
    /// caption after an emphasis moves with it and one spanning it stretches over it.
    /// </summary>
    public static TimeSpan Stretch(IReadOnlyList<ClipEmphasis> emphases, FrameGrid grid, TimeSpan clipTime)
    {
        var frames = clipTime.TotalSeconds * grid.FramesPerSecond;
        var added = emphases.Sum(e => e.AddedBy(frames));
        return clipTime + TimeSpan.FromTicks((long)Math.Round(added * grid.Denominator * TimeSpan.TicksPerSecond / grid.Numerator));
    }

    /// <summary>Where each of the clip's emphases sits in the reel, its chapter starting at <paramref name="chapterStart"/>.</summary>
    public static IEnumerable<EmphasisSpan> Spans(ClipPlan clip, FrameGrid grid, TimeSpan chapterStart)
    {
        var before = 0;
        foreach (var emphasis in clip.Emphases)
        {
            var (start, end) = emphasis.InChapter(before);
            yield return new EmphasisSpan(clip.ClipId, emphasis.TagId, emphasis.Kind, chapterStart + grid.Time(start), chapterStart + grid.Time(end), emphasis.KeyMoment);
            before += emphasis.Added;
        }
    }
}
