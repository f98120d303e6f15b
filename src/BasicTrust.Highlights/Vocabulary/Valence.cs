namespace BasicTrust.Highlights.Vocabulary;

/// <summary>Whether a moment shows what goes well or something to learn from.</summary>
public enum Valence
{
    /// <summary>A moment the parent responds sensitively: the heart of a feedback session.</summary>
    Strength,
    /// <summary>A learning moment, shown with care.</summary>
    Learning,
}

/// <summary>Whose behaviour the tag is about.</summary>
public enum Actor
{
    /// <summary>The parent (the default).</summary>
    Parent,
    /// <summary>The child.</summary>
    Child,
    /// <summary>Parent and child together.</summary>
    Dyad,
}
