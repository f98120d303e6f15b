using Azure.Data.Tables;

namespace BasicTrust.Functions.Notifications;

/// <summary>
/// Each person's mail settings in Azure Table storage (table <see cref="TableName"/>), one row per person: partition
/// key their Entra object id, row key <c>notifications</c>. Only the person reads or changes their own row through
/// the API (<c>/api/me/notifications</c>); the mail sender reads it when it sends. A person without a row gets mail
/// in Dutch once an address is known.
/// </summary>
public sealed class NotificationPreferences(TableServiceClient service)
{
    public const string TableName = "people";
    const string Row = "notifications";

    TableClient Table => service.GetTableClient(TableName);

    /// <summary>Creates the table when missing (local runs; in Azure the infrastructure creates it).</summary>
    public Task CreateTableAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>The person's settings; the defaults (mail on, Dutch, no address) when they have none.</summary>
    public async Task<NotificationSettings> GetAsync(string objectId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(objectId, Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? From(row.Value!) : Default;
    }

    public static readonly NotificationSettings Default = new(true, null, "nl", false);

    /// <summary>Writes the person's settings whole.</summary>
    public Task SetAsync(string objectId, NotificationSettings settings, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(new TableEntity(objectId, Row)
        {
            ["Enabled"] = settings.Enabled, ["Address"] = settings.Address, ["Language"] = settings.Language, ["FromSignIn"] = settings.FromSignIn,
        }, TableUpdateMode.Replace, cancellationToken);

    static NotificationSettings From(TableEntity row) => new(
        row.GetBoolean("Enabled") ?? true, row.GetString("Address") is { Length: > 0 } address ? address : null,
        MailTexts.LanguageOf(row.GetString("Language")), row.GetBoolean("FromSignIn") ?? false);
}
