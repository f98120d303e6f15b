using BasicTrust.Highlights.Planning;

namespace BasicTrust.Functions.Pipeline;

/// <summary><c>reels/{caseId}/{sessionId}/{planId}/reel.json</c>: the reel's manifest for reviewers and tools.</summary>
public sealed record ReelDocument(
    string CaseId,
    string SessionId,
    string PlanId,
    string Method,
    DateTimeOffset? NextSessionAt,
    double Duration,
    string Reel,
    string Captions,
    IReadOnlyList<ReelChapter> Chapters,
    IReadOnlyList<ClipDocument> Clips,
    DateTimeOffset CreatedAt);

/// <summary>A chapter in reel seconds.</summary>
public sealed record ReelChapter(string ClipId, string Title, double Start, double End)
{
    public static ReelChapter From(Chapter c) => new(c.ClipId, c.Title, Math.Round(c.Start.TotalSeconds, 3), Math.Round(c.End.TotalSeconds, 3));
}
