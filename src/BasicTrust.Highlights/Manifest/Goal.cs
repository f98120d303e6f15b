namespace BasicTrust.Highlights.Manifest;

/// <summary>A treatment goal of the case; a tag may name the goal it shows. For professionals only, never in a video.</summary>
public sealed record Goal(string Id, string Text);
