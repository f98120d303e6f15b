using Azure.Data.Tables;
using BasicTrust.Highlights.Consent;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Functions.Consent;

/// <summary>
/// How a case's privacy is kept in its partition of the <c>cases</c> table, beside its access rows: a row per person
/// (<c>person:{id}</c>), per consent (<c>consent:{id}</c>) and per recording (<c>recording:{sessionId}</c>), and the
/// closure and hold on the case row. One partition query reads a case's access and privacy together; the prefixes
/// hold a colon, which no object id (a GUID) has.
/// </summary>
public static class PrivacyRows
{
    public const string Person = "person:", Consent = "consent:", Recording = "recording:";

    public static bool IsPrivacyRow(string rowKey) => rowKey.StartsWith(Person, StringComparison.Ordinal)
        || rowKey.StartsWith(Consent, StringComparison.Ordinal) || rowKey.StartsWith(Recording, StringComparison.Ordinal);

    /// <summary>The case's privacy from its case row and its privacy rows.</summary>
    public static CasePrivacy Read(TableEntity caseRow, IEnumerable<TableEntity> rows)
    {
        var (people, consents, recordings) = (new List<CasePerson>(), new List<ConsentGiven>(), new List<RecordingPeople>());
        foreach (var row in rows)
        {
            if (row.RowKey.StartsWith(Person, StringComparison.Ordinal) && PersonRoles.Find(row.GetString("Role") ?? "") is { } role)
                people.Add(new CasePerson(row.RowKey[Person.Length..], role, AgeBands.Find(row.GetString("AgeBand") ?? ""), row.GetBoolean("Authority") ?? false));
            else if (row.RowKey.StartsWith(Consent, StringComparison.Ordinal))
                consents.Add(new ConsentGiven(row.RowKey[Consent.Length..], row.GetString("PersonId"), List(row.GetString("Scopes")), row.GetString("Means"),
                    row.GetDateTimeOffset("GivenAt")!.Value, row.GetDateTimeOffset("WithdrawnAt")));
            else if (row.RowKey.StartsWith(Recording, StringComparison.Ordinal))
                recordings.Add(new RecordingPeople(row.RowKey[Recording.Length..], List(row.GetString("OnRecording")), row.GetDateTimeOffset("ErasedAt"), row.GetString("ErasedBecause")));
        }
        var hold = caseRow.GetString("HoldReason") is { } reason ? new DeletionHold(reason, caseRow.GetString("HoldBy"), caseRow.GetDateTimeOffset("HoldAt")!.Value) : null;
        return new CasePrivacy(people, [.. consents.OrderBy(c => c.GivenAt)], recordings, caseRow.GetDateTimeOffset("ClosedAt"), hold, caseRow.GetDateTimeOffset("MediaDeletedAt"));
    }

    public static TableEntity PersonRow(string caseId, CasePerson person) => new(caseId, Person + person.Id)
    {
        ["Role"] = person.Role.Code, ["AgeBand"] = person.AgeBand?.Code, ["Authority"] = person.Authority,
    };

    public static TableEntity ConsentRow(string caseId, ConsentGiven consent, string recordedBy) => new(caseId, Consent + consent.Id)
    {
        ["PersonId"] = consent.PersonId, ["Scopes"] = string.Join(',', consent.Scopes), ["Means"] = consent.Means, ["GivenAt"] = consent.GivenAt,
        ["RecordedBy"] = recordedBy,
    };

    public static TableEntity RecordingRow(string caseId, string sessionId, IReadOnlyList<string> onRecording) =>
        new(caseId, Recording + sessionId) { ["OnRecording"] = string.Join(',', onRecording) };

    static List<string> List(string? joined) => string.IsNullOrEmpty(joined) ? [] : [.. joined.Split(',')];
}
