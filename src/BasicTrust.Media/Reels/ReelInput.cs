using BasicTrust.Highlights.Planning;

namespace BasicTrust.Media.Reels;

/// <summary>What a reel is made of: clip files in showing order (all with the same encoding), and its title, chapters and captions in reel time.</summary>
/// <param name="Language">ISO 639-1 code of the captions (<c>nl</c>, <c>en</c>).</param>
public sealed record ReelInput(IReadOnlyList<string> ClipFiles, string Title, IReadOnlyList<Chapter> Chapters, IReadOnlyList<CaptionCue> Cues, string Language);
