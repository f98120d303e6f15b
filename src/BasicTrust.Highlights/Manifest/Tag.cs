using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Manifest;

/// <summary>A validated tag with every default filled in: what the therapist meant, not yet a clip.</summary>
/// <param name="Index">Its position in the manifest's list (0-based), for "as listed" order and messages.</param>
public sealed record Tag(
    int Index,
    string Id,
    TimeSpan Start,
    TimeSpan End,
    Label Label,
    Valence Valence,
    Actor Actor,
    TimeSpan KeyMoment,
    string? Note,
    string? Caption)
{
    /// <summary>The tag's JSON path, for messages.</summary>
    public string Path => $"tags[{Index}]";
}
