using BasicTrust.Highlights.Validation;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Planning;

/// <summary>
/// Feedback is led by strengths (guideline: video feedback selects moments the parent responded positively and
/// sensitively; Wat werkt?: attention goes above all to the parent's strengths), so learning moments should be a
/// minority of the parent's moments in the reel. Child observations count as neither; a learning moment the parent
/// repaired counts as a strength, as its clip does (<see cref="ClipPlan.Repaired"/>).
/// </summary>
public static class StrengthsBalance
{
    /// <summary>A warning when learning moments are half or more of the parent's moments.</summary>
    public static void Check(IEnumerable<ClipPlan> clips, List<Problem> problems)
    {
        var tags = clips.SelectMany(c => c.Tags.Select(t => t.Valence == Valence.Learning && c.Repaired ? Valence.Strength : t.Valence)).ToList();
        var learning = tags.Count(v => v == Valence.Learning);
        var parent = learning + tags.Count(v => v == Valence.Strength);
        if (learning == 0 || learning * 2 < parent) return;
        problems.Add(Problem.Warning("tags", "strengths-led", "problem.strengths-led", ("learning", learning), ("parent", parent)));
    }

    /// <summary>The learning moments a reel asks the parent to work on: those in clips the parent did not repair.</summary>
    public static IEnumerable<Manifest.Tag> OpenLearning(IEnumerable<ClipPlan> clips) =>
        clips.Where(c => !c.Repaired).SelectMany(c => c.Tags).Where(t => t.Valence == Valence.Learning);
}
