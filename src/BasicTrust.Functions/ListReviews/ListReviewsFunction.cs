using Microsoft.Azure.Functions.Worker;
using System.Globalization;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.IndexReadyReel;

namespace BasicTrust.Functions.ListReviews;

/// <summary>
/// <c>GET /api/reviews?until=DATE</c>: ready reels of the caller's cases (owned or shared) not yet marked reviewed, and
/// those sent back (<c>sentBack</c>: waiting for the therapist), the next session first
/// (sessions without a date last), optionally only those whose next session is on or before DATE. Reads the review
/// index (one query), which <c>IndexReadyReel</c> and the sweep's backfill keep.
/// </summary>
public sealed class ListReviewsFunction(ReviewIndex index, CaseAccess cases)
{
    [Function("ListReviews")]
    public async Task<Results<Ok<IReadOnlyList<ReviewItem>>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reviews")] HttpRequest request)
    {
        var context = request.HttpContext;
        DateTimeOffset? until = null;
        if (context.Request.Query["until"].FirstOrDefault() is { } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                return ApiResults.BadRequest("api.until.detail", [FieldProblem.Create("until", "date", "problem.date.until")]);
            // A bare date means the whole of that day (9999-12-31 included: there is no day after it).
            until = text.Length <= 10 && parsed < DateTimeOffset.MaxValue.AddDays(-1) ? parsed.AddDays(1).AddTicks(-1) : parsed;
        }

        var mine = (await cases.VisibleToAsync(Principal.Of(context), context.RequestAborted)).Select(c => c.CaseId).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<ReviewItem> items = [.. (await index.WaitingAsync(context.RequestAborted))
            .Where(r => mine.Contains(r.PartitionKey) && (until is not { } limit || !(r.NextSessionAt > limit)))
            .Select(r => new ReviewItem(r.PartitionKey, r.RowKey, r.PlanId, r.NextSessionAt, r.Clips, r.Duration, r.Course, r.CourseSession, r.CourseOf, r.Round, r.SentBack))
            .OrderBy(i => i.NextSessionAt ?? DateTimeOffset.MaxValue).ThenBy(i => i.CaseId, StringComparer.Ordinal).ThenBy(i => i.SessionId, StringComparer.Ordinal)];
        return TypedResults.Ok(items);
    }
}
