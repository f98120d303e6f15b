using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Manifest;

/// <summary>A validated tag with every default filled in: what the therapist meant, not yet a clip.</summary>
/// <param name="Index">Its position in the manifest's list (0-based), for "as listed" order and messages.</param>
/// <param name="Note">The therapist's working note: only ever in JSON a professional reads, never in a video or caption.</param>
/// <param name="Caption">What the therapist wrote for the parent to see.</param>
/// <param name="Select">False keeps the tag out of the reel without deleting it (a moment considered, not shown).</param>
/// <param name="Concern">A safety concern: never cut into a clip or the reel; listed for the therapist and audited.</param>
/// <param name="Goal">The id of the treatment goal the moment shows, if any.</param>
/// <param name="CaptionVoice">Who the caption speaks as.</param>
/// <param name="Emphasis">How the reel makes the key moment larger (a freeze or slow motion), if at all.</param>
/// <param name="Person">The person of the case the moment is about (the actor), when the manifest names people.</param>
/// <param name="Speaker">The person of the case whose words the caption is, when it names one.</param>
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
    string? Caption,
    bool Select = true,
    bool Concern = false,
    string? Goal = null,
    CaptionVoice CaptionVoice = CaptionVoice.Therapist,
    Emphasis? Emphasis = null,
    string? Person = null,
    string? Speaker = null)
{
    /// <summary>True when the tag is cut into a clip and shown in the reel.</summary>
    public bool IsShown => Select && !Concern;

    /// <summary>The tag's JSON path, for messages.</summary>
    public string Path => $"tags[{Index}]";
}
