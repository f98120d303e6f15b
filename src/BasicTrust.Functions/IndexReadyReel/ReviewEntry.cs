using Azure;
using Azure.Data.Tables;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.IndexReadyReel;

/// <summary>
/// One row of the review index: PartitionKey is the case id, RowKey the session id, so a case is one partition (a purge
/// removes it) and a session has one row, its latest ready plan. Ids, numbers and dates only: no note, caption or name.
/// </summary>
public sealed class ReviewEntry : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string PlanId { get; set; } = "";
    public DateTimeOffset? NextSessionAt { get; set; }
    public int Clips { get; set; }
    public double Duration { get; set; }
    /// <summary>"sessie 3 van 8": the course label the reel carries, never the theme or a goal's text.</summary>
    public string? Course { get; set; }
    /// <summary>Which session of how many (3 of 8), for a page to say it in its own language.</summary>
    public int? CourseSession { get; set; }
    public int? CourseOf { get; set; }
    /// <summary>When the plan became ready (status.json): a row is only ever replaced by a plan ready later.</summary>
    public DateTimeOffset ReadyAt { get; set; }
    public bool Reviewed { get; set; }
    /// <summary>The review round of this reel: 2 and up when the therapist sent the tags again after a verdict.</summary>
    public int Round { get; set; } = 1;
    /// <summary>Sent back: reviewed, and waiting for the therapist (the queue still lists it, as the therapist's).</summary>
    public bool SentBack { get; set; }

    public static ReviewEntry From(SessionKey session, ReelDocument reel, DateTimeOffset readyAt, bool reviewed, ReviewRound round) => new()
    {
        PartitionKey = session.CaseId, RowKey = session.SessionId, PlanId = reel.PlanId, NextSessionAt = reel.NextSessionAt,
        Clips = reel.Clips.Count, Duration = reel.Duration, Course = reel.Course?.Label,
        CourseSession = reel.Course?.Session, CourseOf = reel.Course?.Of, ReadyAt = readyAt, Reviewed = reviewed,
        Round = round.Number, SentBack = reviewed && round.Decision == ReviewDecision.SendBack,
    };
}
