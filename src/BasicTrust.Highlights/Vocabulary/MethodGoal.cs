namespace BasicTrust.Highlights.Vocabulary;

/// <summary>Whom a method's goal is about.</summary>
public enum GoalFor
{
    /// <summary>The parent or carer.</summary>
    Carer,
    /// <summary>The child.</summary>
    Child,
}

/// <summary>A goal a method names for its course: its code (a manifest goal's <c>code</c>), its names, whom it is about, and where it is written.</summary>
public sealed record MethodGoal(string Code, string Dutch, string English, GoalFor For, string Source)
{
    /// <summary>The goal's name in <paramref name="language"/> (Dutch unless English is asked for).</summary>
    public string Name(string language) => language == "en" ? English : Dutch;
}
