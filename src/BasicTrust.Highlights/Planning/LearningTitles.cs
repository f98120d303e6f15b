namespace BasicTrust.Highlights.Planning;

/// <summary>
/// How a learning moment is named where the parent sees it. Feedback is led by strengths and learning moments are
/// discussed with suggestions (NJi, "Wat werkt?": attention goes first to the parent's strengths, then to the hard
/// moments), so a chapter never carries the clinical label; that stays in the JSON for professionals.
/// </summary>
public static class LearningTitles
{
    /// <summary>The neutral wording in a reel language ("nl" or "en").</summary>
    public static string Neutral(string language) => language == "en" ? "To look at together" : "Om samen naar te kijken";

    /// <summary>The title of a clip whose learning moment the parent repairs: the repair is what it shows.</summary>
    public static string Repair(string language) => language == "en" ? "Repair" : "Herstel";
}
