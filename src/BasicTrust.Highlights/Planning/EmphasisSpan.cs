using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Highlights.Planning;

/// <summary>
/// Where an emphasis sits in the reel, in reel time: a freeze from its first held copy to where the picture moves on
/// (its seconds), slow motion from the window's first frame to its last one's second showing (twice the window).
/// </summary>
/// <param name="KeyMoment">The recording time of the key moment's frame.</param>
public sealed record EmphasisSpan(string ClipId, string TagId, EmphasisKind Kind, TimeSpan Start, TimeSpan End, TimeSpan KeyMoment);
