using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Time;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Highlights.Planning;

/// <summary>
/// Keeps a safety concern's moment out of every clip: pre- and post-roll stop at a concern, and a clip whose own tags
/// overlap one is an error (the therapist decides what to show; the pipeline never shows the concern).
/// </summary>
public static class ConcernGuard
{
    /// <summary>Shortens each window's pre/post roll so it stops where a concern starts or ends.</summary>
    public static IReadOnlyList<ClipPlanner.Window> Trim(IReadOnlyList<ClipPlanner.Window> windows, IReadOnlyList<Tag> concerns) =>
        [.. windows.Select(w =>
        {
            var (start, end) = (w.Tags.Min(t => t.Start), w.Tags.Max(t => t.End));
            var (@in, @out) = (w.In, w.Out);
            foreach (var c in concerns)
            {
                if (c.End <= start && c.End > @in) @in = c.End;
                if (c.Start >= end && c.Start < @out) @out = c.Start;
            }
            return w with { In = @in, Out = @out };
        })];

    /// <summary>An error for every clip that still overlaps a concern.</summary>
    public static void Check(IEnumerable<ClipPlanner.Window> merged, IReadOnlyList<Tag> concerns, List<Problem> problems)
    {
        foreach (var window in merged)
            foreach (var c in concerns.Where(c => c.Start < window.Out && window.In < c.End))
            {
                var shown = window.Tags.FirstOrDefault(t => t.Start < c.End && c.Start < t.End) ?? window.Tags[0];
                problems.Add(Problem.Error($"{shown.Path}.start", "concern-overlap", "problem.concern-overlap",
                    ("tag", shown.Id), ("concern", c.Id), ("start", TimeCode.Format(c.Start)), ("end", TimeCode.Format(c.End))));
            }
    }
}
