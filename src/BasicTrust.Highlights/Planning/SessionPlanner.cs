using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Highlights.Planning;

/// <summary>Plans a session's clips and reel once the recording's duration (from a probe) is known.</summary>
public static class SessionPlanner
{
    /// <summary>Windows → merge → clips → order → reel. Any error means no plan; warnings travel with the plan.</summary>
    public static PlanResult Plan(SessionManifest manifest, TimeSpan recordingDuration, string recordingETag)
    {
        var problems = new List<Problem>();
        var planId = PlanIds.PlanId(recordingETag, manifest);
        var windows = ClipPlanner.Windows(manifest.Tags, manifest.Reel, recordingDuration, problems);
        var clips = ClipPlanner.Clips(ClipPlanner.Merge(windows), planId, problems);
        var reel = ReelPlanner.Build(planId, ReelPlanner.Order(clips, manifest.Reel.Order), manifest.Reel, problems);
        if (clips.Count == 0 && !problems.Any(p => p.Severity == Severity.Error))
            problems.Add(Problem.Error("tags", "count", "No tag lies within the recording, so there is nothing to cut."));
        return new PlanResult(problems.Any(p => p.Severity == Severity.Error) ? null : reel, problems);
    }
}
