using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Time;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Highlights.Planning;

/// <summary>Plans a session's clips and reel once the recording's duration (from a probe) is known.</summary>
public static class SessionPlanner
{
    /// <summary>
    /// Shown tags → windows (stopping at safety concerns, on whole frames) → merge → clips → emphases → order → reel, then the strengths balance and small steps.
    /// Unselected tags and concerns are never cut; they travel with the plan. Any error means no plan; warnings travel with it.
    /// Clips and emphases are placed on <paramref name="grid"/>, the frame rate the clips are encoded at (<see cref="FrameGrid.Default"/> when not known).
    /// </summary>
    public static PlanResult Plan(SessionManifest manifest, TimeSpan recordingDuration, string recordingETag, FrameGrid? grid = null)
    {
        var frames = grid ?? FrameGrid.Default;
        var problems = new List<Problem>();
        var planId = PlanIds.PlanId(recordingETag, manifest);
        var shown = manifest.Tags.Where(t => t.IsShown).ToList();
        var concerns = manifest.Tags.Where(t => t.Concern).ToList();
        var windows = ClipPlanner.Snap(ConcernGuard.Trim(ClipPlanner.Windows(shown, manifest.Reel, recordingDuration, problems), concerns), frames);
        var merged = ClipPlanner.Merge(windows);
        ConcernGuard.Check(merged, concerns, problems);
        var clips = EmphasisPlanner.Place(ClipPlanner.Clips(merged, planId, problems), frames, manifest.Reel.Quality, problems);
        var reel = ReelPlanner.Build(planId, ReelPlanner.Order(clips, manifest.Reel.Order), manifest.Reel, problems, frames, manifest.People) with
        {
            Considered = [.. manifest.Tags.Where(t => !t.Select && !t.Concern)],
            Concerns = concerns,
        };
        StrengthsBalance.Check(clips, problems);
        SmallStepsCheck.Check(clips, Vocabulary.Vocabularies.ByMethod.GetValueOrDefault(manifest.Method)?.SmallSteps ?? Vocabulary.SmallSteps.Default, problems);
        if (shown.Count == 0 && manifest.Tags.Count > 0)
            problems.Add(Problem.Error("tags", "count", "problem.count.none-shown"));
        else if (clips.Count == 0 && !problems.Any(p => p.Severity == Severity.Error))
            problems.Add(Problem.Error("tags", "count", "problem.count.none-within"));
        return new PlanResult(problems.Any(p => p.Severity == Severity.Error) ? null : reel, problems);
    }
}
