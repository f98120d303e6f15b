using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Validation;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Planning;

/// <summary>
/// Feedback is led by strengths (guideline: video feedback selects moments the parent responded positively and
/// sensitively; Wat werkt?: attention goes above all to the parent's strengths), so learning moments should be a
/// minority of the parent's moments in the reel. Child observations count as neither.
/// </summary>
public static class StrengthsBalance
{
    /// <summary>A warning when learning moments are half or more of the parent's moments.</summary>
    public static void Check(IEnumerable<Tag> shown, List<Problem> problems)
    {
        var tags = shown.ToList();
        var learning = tags.Count(t => t.Valence == Valence.Learning);
        var parent = learning + tags.Count(t => t.Valence == Valence.Strength);
        if (learning == 0 || learning * 2 < parent) return;
        problems.Add(Problem.Warning("tags", "strengths-led", "problem.strengths-led", ("learning", learning), ("parent", parent)));
    }
}
