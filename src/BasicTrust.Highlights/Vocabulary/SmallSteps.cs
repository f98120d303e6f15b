namespace BasicTrust.Highlights.Vocabulary;

/// <summary>
/// How much a reel asks the parent to change at once: at most <paramref name="LearningMoments"/> learning moments and
/// at most <paramref name="LearningLabels"/> kinds of them. <paramref name="Source"/> says where the numbers come from.
/// </summary>
public sealed record SmallSteps(int LearningMoments, int LearningLabels, string Source)
{
    /// <summary>
    /// Our default, for every method. The sources give no number; they say the parent is strengthened in skills already
    /// used and practises specific skills ("met name benoemen", guideline on Basic Trust), and that changing old
    /// patterns takes time, repetition and predictability (Hechting en Trauma). So: one skill to practise, shown at most twice.
    /// </summary>
    public static readonly SmallSteps Default = new(2, 1, "our default");
}
