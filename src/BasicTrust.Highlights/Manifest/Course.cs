namespace BasicTrust.Highlights.Manifest;

/// <summary>
/// Where this session sits in the treatment: session <paramref name="Session"/> of <paramref name="Of"/>, what kind
/// of session it is (a code from <see cref="Vocabulary.SessionTypes"/>), and for VIPP-SD the visit's theme (a code
/// from <see cref="Vocabulary.VisitThemes"/>).
/// </summary>
public sealed record Course(int Session, int Of, string? Theme, string? Type = null)
{
    /// <summary>"sessie 3 van 8" (nl) or "session 3 of 8" (en), as the review queue and reel.json show it.</summary>
    public string Describe(string language) => language == "en" ? $"session {Session} of {Of}" : $"sessie {Session} van {Of}";
}
