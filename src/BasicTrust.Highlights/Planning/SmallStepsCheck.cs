using BasicTrust.Highlights.Validation;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Planning;

/// <summary>
/// Small steps: a reel shows the parent few things to work on, one skill at a time (see <see cref="SmallSteps"/> for
/// the numbers and where they come from). Repaired moments do not count: they are shown as strengths.
/// </summary>
public static class SmallStepsCheck
{
    /// <summary>A warning when the reel holds more learning moments, or more kinds of them, than <paramref name="steps"/> allows.</summary>
    public static void Check(IEnumerable<ClipPlan> clips, SmallSteps steps, List<Problem> problems)
    {
        var learning = StrengthsBalance.OpenLearning(clips).ToList();
        if (learning.Count > steps.LearningMoments)
            problems.Add(Problem.Warning("tags", "small-steps", "problem.small-steps.moments",
                ("moments", learning.Count), ("max", steps.LearningMoments)));
        var kinds = learning.Select(t => t.Label.Code).Distinct().Count();
        if (kinds > steps.LearningLabels)
            problems.Add(Problem.Warning("tags", "small-steps", "problem.small-steps.labels",
                ("kinds", kinds), ("max", steps.LearningLabels)));
    }
}
