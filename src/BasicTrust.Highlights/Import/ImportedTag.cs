namespace BasicTrust.Highlights.Import;

/// <summary>A tag read from another tool's file: times as that tool wrote them, the rest optional.</summary>
public sealed record ImportedTag(string Start, string End, string Label, string? Valence = null, string? Note = null, string? Caption = null);
