using BasicTrust.Media.Previews;

namespace BasicTrust.Functions.MakePreview;

/// <summary>Where a recording's browser preview is.</summary>
public enum PreviewState { Making, Ready, NotNeeded, Failed }

/// <summary>
/// <c>pipeline/{caseId}/{sessionId}/preview.json</c>: whether the editor plays the recording itself or a preview of it
/// (<see cref="Blob"/> in the <c>previews</c> container), for which version of the recording, and why in a sentence.
/// </summary>
public sealed record PreviewDocument(string Recording, string RecordingETag, PreviewState State, PreviewNeed Need = PreviewNeed.None, string? Reason = null, string? Blob = null);
