using Azure;
using Azure.Data.Tables;
using BasicTrust.Functions.Consent;

namespace BasicTrust.Functions.Access;

/// <summary>What creating a case did.</summary>
public enum CreateOutcome { Created, AlreadyYours, Taken }

/// <summary>
/// The cases' access records in Azure Table storage (table <see cref="TableName"/>), one partition per case: the
/// case row (row key "": owner, created, purged) and one row per person who may see it (row key: object id; role);
/// the case's privacy rows (<see cref="PrivacyRows"/>) share the partition, so a check reads them with it.
/// A request's check is one partition query; the case row and its owner row are written in one transaction, so a
/// case never exists without its owner. Listing a person's cases queries their row key across partitions.
/// </summary>
public sealed class CaseAccess(TableServiceClient service)
{
    public const string TableName = "cases";
    const string CaseRow = "";
    const string Owner = "owner", Reviewer = "reviewer";

    TableClient Table => service.GetTableClient(TableName);

    /// <summary>Creates the table when missing (local runs; in Azure the infrastructure creates it).</summary>
    public Task CreateTableAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>The case's record, or null when no such case was created.</summary>
    public async Task<CaseRecord?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        TableEntity? head = null;
        var (reviewers, privacy) = (new List<string>(), new List<TableEntity>());
        await foreach (var row in Table.QueryAsync<TableEntity>(r => r.PartitionKey == caseId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == CaseRow) head = row;
            else if (PrivacyRows.IsPrivacyRow(row.RowKey)) privacy.Add(row);
            else if (row.GetString("Role") == Reviewer) reviewers.Add(row.RowKey);
        }
        return head is null ? null : Record(head, reviewers, privacy);
    }

    /// <summary>Every case that is not purged, with its privacy (a privacy officer's overview): one query over the table.</summary>
    public async Task<IReadOnlyList<CaseRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var partitions = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        await foreach (var row in Table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!partitions.TryGetValue(row.PartitionKey, out var rows)) partitions[row.PartitionKey] = rows = [];
            rows.Add(row);
        }
        return [.. partitions.Values
            .Select(rows => (Head: rows.FirstOrDefault(r => r.RowKey == CaseRow), Rows: rows))
            .Where(p => p.Head is not null && p.Head.GetDateTimeOffset("PurgedAt") is null)
            .Select(p => Record(p.Head!, [.. p.Rows.Where(r => r.GetString("Role") == Reviewer).Select(r => r.RowKey)], p.Rows.Where(r => PrivacyRows.IsPrivacyRow(r.RowKey))))
            .OrderBy(c => c.CaseId, StringComparer.Ordinal)];
    }

    static CaseRecord Record(TableEntity head, IReadOnlyList<string> reviewers, IEnumerable<TableEntity> privacy) =>
        new(head.PartitionKey, head.GetString("Owner"), reviewers, head.GetDateTimeOffset("CreatedAt")!.Value, head.GetDateTimeOffset("PurgedAt"))
        {
            Privacy = PrivacyRows.Read(head, privacy),
        };

    /// <summary>Creates the case with <paramref name="owner"/> as its owner; a repeated request of the same owner is no error.</summary>
    public async Task<CreateOutcome> CreateAsync(string caseId, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await Table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(caseId, CaseRow) { ["Owner"] = owner, ["CreatedAt"] = now }),
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(caseId, owner) { ["Role"] = Owner }),
            ], cancellationToken).ConfigureAwait(false);
            return CreateOutcome.Created;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            var existing = await GetAsync(caseId, cancellationToken).ConfigureAwait(false);
            return existing?.Owner == owner ? CreateOutcome.AlreadyYours : CreateOutcome.Taken;
        }
    }

    /// <summary>Shares the case with a reviewer (idempotent).</summary>
    public Task ShareAsync(string caseId, string reviewer, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new TableEntity(caseId, reviewer) { ["Role"] = Reviewer }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Takes a share back (idempotent; the caller never passes the owner, whose row stays).</summary>
    public async Task UnshareAsync(string caseId, string reviewer, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(caseId, reviewer, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Not shared (any more): nothing to take back.
        }
    }

    /// <summary>The cases a person owns or reviews and may still view (see <see cref="AccessRules"/>), with their role in each.</summary>
    public async Task<IReadOnlyList<(string CaseId, CaseRole Role)>> VisibleToAsync(Principal who, CancellationToken cancellationToken)
    {
        var cases = new List<(string, CaseRole)>();
        await foreach (var row in Table.QueryAsync<TableEntity>(r => r.RowKey == who.ObjectId, select: ["PartitionKey", "Role"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var role = row.GetString("Role") == Owner ? CaseRole.Owner : CaseRole.Reviewer;
            if (AccessRules.Decide(who, role, CaseAction.View) == Verdict.Allow) cases.Add((row.PartitionKey, role));
        }
        return cases;
    }

    /// <summary>
    /// The cases whose guidance ended at or before <paramref name="cutoff"/> and whose media are not deleted yet, held or
    /// not (the caller reads each record): one query of the case rows.
    /// </summary>
    public async Task<IReadOnlyList<string>> ClosedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {CaseRow} and ClosedAt le {cutoff}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "MediaDeletedAt", "PurgedAt"], cancellationToken: cancellationToken).ConfigureAwait(false))
            if (row.GetDateTimeOffset("MediaDeletedAt") is null && row.GetDateTimeOffset("PurgedAt") is null) ids.Add(row.PartitionKey);
        return ids;
    }

    /// <summary>Marks the case purged: its id stays retired, and who worked on it stays on record (object ids, nothing of the family).</summary>
    public Task MarkPurgedAsync(string caseId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Table.UpdateEntityAsync(new TableEntity(caseId, CaseRow) { ["PurgedAt"] = at }, ETag.All, TableUpdateMode.Merge, cancellationToken);
}
