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
    /// The person's settings; for a person without a row yet, the sign-in's <paramref name="address"/> is stored first
    /// (marked as taken from the sign-in). A row that exists is never changed here: an address the person removed
    /// stays removed, and a change made at the same time is not overwritten.
    /// </summary>
    public async Task<NotificationSettings> GetRememberingAsync(string objectId, string? address, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(objectId, Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row.HasValue) return From(row.Value!);
        if (address is null) return Default;
        var taken = Default with { Address = address, FromSignIn = true };
        try
        {
            await Table.AddEntityAsync(Entity(objectId, taken), cancellationToken).ConfigureAwait(false);
            return taken;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Written in the meantime (by the person or another request): theirs stands.
            return await GetAsync(objectId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stores the sign-in's address for a person seen for the first time by this instance who has no row yet.</summary>
    public async Task RememberSignInAsync(string objectId, string? address, CancellationToken cancellationToken)
    {
        if (address is null || !_remembered.TryAdd(objectId, 0)) return;
        var stored = false;
        try
        {
            await GetRememberingAsync(objectId, address, cancellationToken).ConfigureAwait(false);
            stored = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The request goes on without it.
        }
        finally
        {
            // Not stored: the person's next request tries again.
            if (!stored) _remembered.TryRemove(objectId, out _);
        }
    }

    public static readonly NotificationSettings Default = new(true, null, "nl", false);

    /// <summary>Writes the person's settings whole.</summary>
    public Task SetAsync(string objectId, NotificationSettings settings, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(Entity(objectId, settings), TableUpdateMode.Replace, cancellationToken);

    static TableEntity Entity(string objectId, NotificationSettings settings) => new(objectId, Row)
    {
        ["Enabled"] = settings.Enabled, ["Address"] = settings.Address, ["Language"] = settings.Language, ["FromSignIn"] = settings.FromSignIn,
    };

    static NotificationSettings From(TableEntity row) => new(
        row.GetBoolean("Enabled") ?? true, row.GetString("Address") is { Length: > 0 } address ? address : null,
        MailTexts.LanguageOf(row.GetString("Language")), row.GetBoolean("FromSignIn") ?? false);
}
