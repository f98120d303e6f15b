using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace BasicTrust.Functions.Notifications;

/// <summary>
/// Each person's mail settings in Azure Table storage (table <see cref="TableName"/>), one row per person: partition
/// key their Entra object id, row key <c>notifications</c>. Only the person reads or changes their own row through
/// the API (<c>/api/me/notifications</c>); the mail sender reads it when it sends. A person without a row gets mail
/// in Dutch once an address is known: the first request a person makes with an address in their sign-in stores it
/// (<see cref="RememberSignInAsync"/>), so mail reaches someone who never opened the Meldingen page.
/// </summary>
public sealed class NotificationPreferences(TableServiceClient service)
{
    // The people this instance has already looked at: one read per person per worker, not one per request.
    readonly ConcurrentDictionary<string, byte> _remembered = new();

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

    /// <summary>
    /// The person's settings, with the sign-in's <paramref name="address"/> stored first when they have no address yet
    /// (marked as taken from the sign-in; the person can change or remove it).
    /// </summary>
    public async Task<NotificationSettings> GetRememberingAsync(string objectId, string? address, CancellationToken cancellationToken)
    {
        var settings = await GetAsync(objectId, cancellationToken).ConfigureAwait(false);
        if (settings.Address is not null || address is null) return settings;
        await SetAsync(objectId, settings = settings with { Address = address, FromSignIn = true }, cancellationToken).ConfigureAwait(false);
        return settings;
    }

    /// <summary>Stores the sign-in's address for a person seen for the first time by this instance who has none yet.</summary>
    public async Task RememberSignInAsync(string objectId, string? address, CancellationToken cancellationToken)
    {
        if (address is null || !_remembered.TryAdd(objectId, 0)) return;
        try
        {
            await GetRememberingAsync(objectId, address, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // The request goes on without it; the person's next request tries again.
            _remembered.TryRemove(objectId, out _);
        }
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
