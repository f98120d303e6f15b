namespace BasicTrust.Highlights.Manifest;

/// <summary>
/// A treatment goal of the case; a tag may name the goal it shows. <see cref="Code"/> names the method's own goal it
/// is (see <see cref="Vocabulary.MethodVocabulary.Goals"/>), absent for a goal in the therapist's own words. For
/// professionals only, never in a video.
/// </summary>
public sealed record Goal(string Id, string Text, string? Code = null);
