namespace BasicTrust.Highlights.Vocabulary;

/// <summary>
/// The VIPP themes, a property of a VIPP-SD visit (<c>course.theme</c>), not tag labels. Not confirmed by the source
/// texts (which name VIPP-SD's aims, not its themes): they come from the programme's published descriptions.
/// </summary>
public static class VisitThemes
{
    /// <summary>A theme: its code, Dutch and English names.</summary>
    public sealed record Theme(string Code, string Dutch, string English);

    /// <summary>The VIPP themes in the order the visits take them.</summary>
    public static readonly IReadOnlyList<Theme> VippSd =
    [
        new("contact-en-exploratie", "Contact zoeken en exploreren", "Attachment and exploration"),
        new("signalen-waarnemen", "Signalen waarnemen", "Perceiving signals"),
        new("sensitiviteitsketen", "Sensitiviteitsketen", "Sensitivity chain"),
        new("gevoelens-delen", "Gevoelens delen", "Sharing emotions"),
    ];

    /// <summary>How many sessions each method usually has, for a warning when a course is outside it.</summary>
    public static (int Min, int Max)? UsualLength(string method) => method switch
    {
        "basic-trust" => (8, 12), // guideline and Wat werkt?: eight to twelve sessions after psycho-education
        "vipp-sd" => (7, 7),      // guideline and Wat werkt?: seven home visits
        "vht" => (6, 8),          // guideline: six home visits; Wat werkt?: eight
        _ => null,
    };
}
