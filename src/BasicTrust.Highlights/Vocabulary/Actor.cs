namespace BasicTrust.Highlights.Vocabulary;

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
