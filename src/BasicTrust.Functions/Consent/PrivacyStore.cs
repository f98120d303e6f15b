using Azure;
using Azure.Data.Tables;
using BasicTrust.Functions.Access;
using BasicTrust.Highlights.Consent;

namespace BasicTrust.Functions.Consent;

/// <summary>Writes a case's privacy rows (<see cref="PrivacyRows"/>) in the <c>cases</c> table; <see cref="CaseAccess"/> reads them.</summary>
public sealed class PrivacyStore(TableServiceClient service)
{
    TableClient Table => service.GetTableClient(CaseAccess.TableName);

    /// <summary>Replaces the case's people: writes each, and removes those no longer listed.</summary>
    public async Task SetPeopleAsync(string caseId, IReadOnlyList<CasePerson> before, IReadOnlyList<CasePerson> people, CancellationToken cancellationToken)
    {
        foreach (var person in people)
            await Table.UpsertEntityAsync(PrivacyRows.PersonRow(caseId, person), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        foreach (var gone in before.Where(b => people.All(p => p.Id != b.Id)))
            await DeleteAsync(caseId, PrivacyRows.Person + gone.Id, cancellationToken).ConfigureAwait(false);
    }

    public Task AddConsentAsync(string caseId, ConsentGiven consent, string recordedBy, CancellationToken cancellationToken) =>
        Table.AddEntityAsync(PrivacyRows.ConsentRow(caseId, consent, recordedBy), cancellationToken);

    public Task WithdrawAsync(string caseId, string consentId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Merge(caseId, PrivacyRows.Consent + consentId, new() { ["WithdrawnAt"] = at }, cancellationToken);

    /// <summary>Who is on the session's recording, as its latest manifest says (kept after its media are deleted).</summary>
    public Task RecordOnRecordingAsync(string caseId, string sessionId, IReadOnlyList<string> onRecording, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(PrivacyRows.RecordingRow(caseId, sessionId, onRecording), TableUpdateMode.Merge, cancellationToken);

    public Task MarkErasedAsync(string caseId, string sessionId, string because, DateTimeOffset at, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new TableEntity(caseId, PrivacyRows.Recording + sessionId) { ["ErasedAt"] = at, ["ErasedBecause"] = because }, TableUpdateMode.Merge, cancellationToken);

    public Task CloseAsync(string caseId, DateTimeOffset at, CancellationToken cancellationToken) => MergeCase(caseId, new() { ["ClosedAt"] = at }, cancellationToken);

    public Task HoldAsync(string caseId, DeletionHold hold, CancellationToken cancellationToken) =>
        MergeCase(caseId, new() { ["HoldReason"] = hold.Reason, ["HoldBy"] = hold.By, ["HoldAt"] = hold.At }, cancellationToken);

    /// <summary>Lifts the hold: a merge cannot remove properties, so the case row is read and replaced without them.</summary>
    public async Task LiftHoldAsync(string caseId, CancellationToken cancellationToken)
    {
        var row = (await Table.GetEntityAsync<TableEntity>(caseId, "", cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        foreach (var name in new[] { "HoldReason", "HoldBy", "HoldAt" }) row.Remove(name);
        await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public Task MarkMediaDeletedAsync(string caseId, DateTimeOffset at, CancellationToken cancellationToken) => MergeCase(caseId, new() { ["MediaDeletedAt"] = at }, cancellationToken);

    Task MergeCase(string caseId, TableEntity values, CancellationToken cancellationToken) => Merge(caseId, "", values, cancellationToken);

    Task Merge(string caseId, string rowKey, TableEntity values, CancellationToken cancellationToken)
    {
        (values.PartitionKey, values.RowKey) = (caseId, rowKey);
        return Table.UpdateEntityAsync(values, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    async Task DeleteAsync(string caseId, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(caseId, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone.
        }
    }
}
