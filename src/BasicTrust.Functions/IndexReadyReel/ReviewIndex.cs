using Azure;
using Azure.Data.Tables;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.IndexReadyReel;

/// <summary>What indexing a session did.</summary>
public enum IndexOutcome
{
    /// <summary>The row was added, or replaced by a plan ready later.</summary>
    Indexed,
    /// <summary>The row already holds this plan or a later one (a redelivery, or a message overtaken by a newer plan).</summary>
    Unchanged,
    /// <summary>The plan is not the session's ready plan (superseded, or the session was not ready): nothing to index.</summary>
    NotReady,
    /// <summary>The case was purged: nothing is written.</summary>
    Purged,
}

/// <summary>
/// The review queue's index in Azure Table storage (table <see cref="TableName"/>). A row is written from what storage
/// says, not from the message: the session's ready plan in <c>status.json</c> and its <c>reel.json</c>. So redelivered,
/// duplicate and out-of-order <c>reels-ready</c> messages all converge on the same row, and a row is replaced only by a
/// plan whose <c>readyAt</c> is later (an ETag-conditional write, repeated when another writer came first).
/// </summary>
public sealed class ReviewIndex(TableServiceClient service, PipelineStore store, StatusBoard status)
{
    public const string TableName = "reviews";

    TableClient Table => service.GetTableClient(TableName);

    /// <summary>Creates the table when missing (local runs; in Azure the infrastructure creates it).</summary>
    public Task CreateTableAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Indexes the session's ready plan when it is <paramref name="planId"/> (any ready plan when null).</summary>
    public async Task<IndexOutcome> IndexAsync(SessionKey session, string? planId, CancellationToken cancellationToken)
    {
        if (await store.IsGoneAsync(session, cancellationToken).ConfigureAwait(false)) return IndexOutcome.Purged;
        if (await status.GetAsync(session, cancellationToken).ConfigureAwait(false) is not { State: SessionState.Ready, PlanId: { } ready, ReadyAt: { } readyAt }
            || planId is not null && planId != ready)
            return IndexOutcome.NotReady;
        // reel.json is written before the status says ready, so a ready plan has it.
        var reel = (await store.ReadAsync<ReelDocument>(SessionKey.Reels, session.Reel(ready, "reel.json"), cancellationToken).ConfigureAwait(false)).Value;
        if (reel is null) return IndexOutcome.NotReady;
        var reviewed = await store.ExistsAsync(SessionKey.Pipeline, session.Reviewed(ready), cancellationToken).ConfigureAwait(false);
        var review = (await store.ReadAsync<ReviewDocument>(SessionKey.Pipeline, session.Review, cancellationToken).ConfigureAwait(false)).Value ?? ReviewDocument.Empty;
        var entry = ReviewEntry.From(session, reel, readyAt, reviewed, review.RoundOf(ready));

        for (var attempt = 1; ; attempt++)
        {
            var existing = await Table.GetEntityIfExistsAsync<ReviewEntry>(session.CaseId, session.SessionId, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (!existing.HasValue)
                    await Table.AddEntityAsync(entry, cancellationToken).ConfigureAwait(false);
                else if (existing.Value!.ReadyAt >= readyAt)
                    return IndexOutcome.Unchanged;
                else
                    await Table.UpdateEntityAsync(entry, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return IndexOutcome.Indexed;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 10)
            {
                // Another writer came first: read again and compare.
            }
        }
    }

    /// <summary>
    /// Sets the reviewed flag of the session's row for this plan (and whether it was sent back); indexes the session
    /// when it has no row yet, which reads both from storage.
    /// </summary>
    public async Task MarkReviewedAsync(SessionKey session, string planId, bool sentBack, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await Table.GetEntityIfExistsAsync<ReviewEntry>(session.CaseId, session.SessionId, cancellationToken: cancellationToken).ConfigureAwait(false);
            // Indexing reads the reviewed marker, which the caller has written.
            if (!existing.HasValue || existing.Value!.PlanId != planId)
            {
                await IndexAsync(session, planId, cancellationToken).ConfigureAwait(false);
                return;
            }
            if (existing.Value.Reviewed && existing.Value.SentBack == sentBack) return;
            (existing.Value.Reviewed, existing.Value.SentBack) = (true, sentBack);
            try
            {
                await Table.UpdateEntityAsync(existing.Value, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 10)
            {
            }
        }
    }

    /// <summary>Every row not yet reviewed, and every row sent back (waiting for its therapist).</summary>
    public async Task<IReadOnlyList<ReviewEntry>> WaitingAsync(CancellationToken cancellationToken)
    {
        var rows = new List<ReviewEntry>();
        await foreach (var row in Table.QueryAsync<ReviewEntry>(r => r.Reviewed == false || r.SentBack == true, cancellationToken: cancellationToken).ConfigureAwait(false))
            rows.Add(row);
        return rows;
    }

    /// <summary>(case, session, plan) of every row: what a backfill compares the ready sessions with, in one query.</summary>
    public async Task<HashSet<(string CaseId, string SessionId, string PlanId)>> KeysAsync(CancellationToken cancellationToken)
    {
        var keys = new HashSet<(string, string, string)>();
        await foreach (var row in Table.QueryAsync<ReviewEntry>(select: [nameof(ReviewEntry.PartitionKey), nameof(ReviewEntry.RowKey), nameof(ReviewEntry.PlanId)], cancellationToken: cancellationToken).ConfigureAwait(false))
            keys.Add((row.PartitionKey, row.RowKey, row.PlanId));
        return keys;
    }

    /// <summary>Removes the case's rows (its partition); returns how many.</summary>
    public async Task<int> RemoveCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        var rows = new List<ReviewEntry>();
        await foreach (var row in Table.QueryAsync<ReviewEntry>(r => r.PartitionKey == caseId, select: [nameof(ReviewEntry.PartitionKey), nameof(ReviewEntry.RowKey), nameof(ReviewEntry.PlanId)], cancellationToken: cancellationToken).ConfigureAwait(false))
            rows.Add(row);
        foreach (var row in rows)
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        return rows.Count;
    }

    /// <summary>Removes the session's row (its recording was erased); returns how many rows it removed (0 or 1).</summary>
    public async Task<int> RemoveSessionAsync(SessionKey session, CancellationToken cancellationToken)
    {
        // Looked up first: deleting a row that is not there is no error everywhere (Azurite answers 204), so it would count.
        var row = await Table.GetEntityIfExistsAsync<ReviewEntry>(session.CaseId, session.SessionId, [nameof(ReviewEntry.PartitionKey)], cancellationToken).ConfigureAwait(false);
        if (!row.HasValue) return 0;
        try
        {
            await Table.DeleteEntityAsync(session.CaseId, session.SessionId, ETag.All, cancellationToken).ConfigureAwait(false);
            return 1;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
    }
}
