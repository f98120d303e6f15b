namespace BasicTrust.Highlights.Import;

/// <summary>
/// A tag read from another tool's file: times as that tool wrote them, the rest optional. <c>Actor</c> is the
/// manifest's value (<c>parent</c>, <c>child</c>, <c>dyad</c>) when the file names the person the moment is about.
/// </summary>
public sealed record ImportedTag(string Start, string End, string Label, string? Valence = null, string? Note = null, string? Caption = null, string? Actor = null);
