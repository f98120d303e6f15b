namespace BasicTrust.Contracts.Documents;

/// <summary>
/// What the parent said they saw in one clip of the reel, in the therapist's words. The clip's tags and its key moment
/// in the recording (<c>RecordingAt</c>, seconds) keep the text with its moment when the reel is made again and its
/// clips get new ids.
/// </summary>
public sealed record ClipConversation(string ClipId, IReadOnlyList<string> TagIds, double RecordingAt, string ParentSaw);

/// <summary>
/// <c>pipeline/{caseId}/{sessionId}/conversation.json</c>: the terugkijkgesprek as the therapist recorded it after
/// watching the reel of <c>PlanId</c> with the parent: per clip what the parent saw, and one practice point (oefenpunt)
/// for next time. Like notes and the review it is a professional record: JSON for the case's owner and reviewers,
/// never in a video, its captions or the page watched with the parent. It lives beside the plans (the sweep of older
/// plans keeps it), and a purge removes it with the case.
/// </summary>
public sealed record ConversationRecord(string PlanId, IReadOnlyList<ClipConversation> Clips, string? PracticePoint, string By, DateTimeOffset At)
{
    /// <summary>The most characters of one text: what the parent saw in a clip, or the practice point. Short on purpose: a note, not a report.</summary>
    public const int MaxTextLength = 500;
}
