using BasicTrust.Media.Previews;

namespace BasicTrust.Contracts.Documents;

/// <summary>Where a recording's browser preview is.</summary>
public enum PreviewState { Making, Ready, NotNeeded, Failed }

/// <summary>
/// <c>pipeline/{caseId}/{sessionId}/preview.json</c>: whether the editor plays the recording itself or a preview of it
/// (<see cref="Blob"/> in the <c>previews</c> container), for which version of the recording, why in a sentence, and
/// since when (a worker that died while making it leaves <see cref="PreviewState.Making"/> behind).
/// </summary>
public sealed record PreviewDocument(string Recording, string RecordingETag, PreviewState State, PreviewNeed Need = PreviewNeed.None, string? Reason = null,
    string? Blob = null, DateTimeOffset? Since = null)
{
    /// <summary>What the page is told: a preview still "making" long after any run could have finished failed.</summary>
    public PreviewDocument AsOf(DateTimeOffset now, TimeSpan longestRun) =>
        State == PreviewState.Making && Since is { } since && now - since > longestRun
            ? this with { State = PreviewState.Failed, Reason = "Making the preview did not finish; upload the recording again." }
            : this;
}
