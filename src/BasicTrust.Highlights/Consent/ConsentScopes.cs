namespace BasicTrust.Highlights.Consent;

/// <summary>
/// What a recording may be used for, each consented to on its own and withdrawn on its own (AVG: consent is specific
/// to a purpose). The codes are the practice's own words.
/// </summary>
public static class ConsentScopes
{
    /// <summary>Watching the reel with the family in the feedback session (terugkijken): without it nothing is cut.</summary>
    public const string Feedback = "terugkijken";
    /// <summary>Showing the reel to a supervisor or in intervision: without it a reviewer sees no reel.</summary>
    public const string Supervision = "supervisie";
    /// <summary>
    /// Teaching with the footage. Recorded, but no use of it is offered yet: teaching footage must hide the client's
    /// face and voice, and the product cannot redact yet.
    /// </summary>
    public const string Training = "scholing";

    public static readonly IReadOnlyList<string> All = [Feedback, Supervision, Training];

    /// <summary>How a consent was given: a signed form kept in the file, or said aloud and noted by the therapist.</summary>
    public static readonly IReadOnlyList<string> Means = ["formulier", "mondeling"];
}
