namespace BasicTrust.Highlights.Vocabulary;

/// <summary>What kind of session a visit is: its manifest code (<c>course.type</c>) and names.</summary>
public sealed record SessionType(string Code, string Dutch, string English)
{
    /// <summary>The type's name in <paramref name="language"/> (Dutch unless English is asked for).</summary>
    public string Name(string language) => language == "en" ? English : Dutch;
}

/// <summary>
/// The kinds of session in a course. The guidance starts with psycho-education about the background of the problem
/// behaviour, then the video-feedback sessions follow (Wat werkt?, Basic Trust); an intake comes before and an
/// evaluation after.
/// </summary>
public static class SessionTypes
{
    public static readonly IReadOnlyList<SessionType> All =
    [
        new("intake", "Intake", "Intake"),
        new("psycho-educatie", "Psycho-educatie", "Psycho-education"),
        new("video-feedback", "Video-feedback", "Video feedback"),
        new("evaluatie", "Evaluatie", "Evaluation"),
    ];

    /// <summary>The type with this code, or null.</summary>
    public static SessionType? Find(string code) => All.FirstOrDefault(t => t.Code == code);
}
