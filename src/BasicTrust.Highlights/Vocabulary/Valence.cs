namespace BasicTrust.Highlights.Vocabulary;

/// <summary>What a moment shows: the parent doing well, something to learn from, or the child.</summary>
public enum Valence
{
    /// <summary>A moment the parent responds sensitively: the heart of a feedback session.</summary>
    Strength,
    /// <summary>A learning moment, discussed with care and suggestions; never named bluntly to the parent.</summary>
    Learning,
    /// <summary>
    /// An observation of the child (a signal, a response). It travels with the parent's moment in the same clip
    /// and is never counted as a strength or a learning moment.
    /// </summary>
    Child,
}
