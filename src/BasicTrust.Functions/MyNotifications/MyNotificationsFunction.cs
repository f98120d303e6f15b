using BasicTrust.Functions.Access;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Notifications;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.Functions.MyNotifications;

/// <summary>
/// <c>GET</c> and <c>PUT /api/me/notifications</c>: the caller's own mail settings, and only theirs (the route names no
/// one: the object id is the signed-in principal's). Until the person sets an address, the one their sign-in carries
/// (when it carries one) is taken and stored, so mail can reach someone who never opened the page.
/// </summary>
public sealed class MyNotificationsFunction(NotificationPreferences preferences, AuditLog audit, TimeProvider clock)
{
    [Function("GetNotifications")]
    public async Task<Ok<NotificationSettings>> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/notifications")] HttpRequest request)
    {
        var (who, cancellationToken) = (Principal.Of(request.HttpContext), request.HttpContext.RequestAborted);
        return TypedResults.Ok(await preferences.GetRememberingAsync(who.ObjectId, MailAddresses.FromSignIn(request), cancellationToken));
    }

    [Function("PutNotifications")]
    public async Task<Results<Ok<NotificationSettings>, ProblemHttpResult>> PutAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "me/notifications")] HttpRequest request)
    {
        var (who, cancellationToken) = (Principal.Of(request.HttpContext), request.HttpContext.RequestAborted);
        var (body, unreadable) = await RequestBodies.ReadJsonAsync<NotificationSettingsRequest>(request, 4 * 1024,
            """{"enabled": true, "address": "naam@voorbeeld.nl", "language": "nl"}""");
        if (unreadable is not null) return unreadable;
        var problems = new List<FieldProblem>();
        string? address = null;
        if (body!.Address is { Length: > 0 } typed && (address = MailAddresses.Normalize(typed)) is null)
            problems.Add(FieldProblem.Create("address", "mail-address", "problem.mail-address", ("max", MailAddresses.MaxLength)));
        if (body.Language is { } language && !MailTexts.Languages.Contains(language))
            problems.Add(FieldProblem.Create("language", "one-of", "problem.one-of.language"));
        if (problems.Count > 0) return ApiResults.BadRequest("api.notifications.detail", problems);

        var current = await preferences.GetAsync(who.ObjectId, cancellationToken);
        var updated = new NotificationSettings(
            body.Enabled ?? current.Enabled,
            body.Address is null ? current.Address : address,
            body.Language ?? current.Language,
            body.Address is null && current.FromSignIn);
        await preferences.SetAsync(who.ObjectId, updated, cancellationToken);
        // Who changed their own settings, never the address itself.
        await audit.WriteAsync(new AuditEntry(clock.GetUtcNow(), who.ObjectId, "notification-settings", $"people/{who.ObjectId}",
            Details: new { enabled = updated.Enabled, language = updated.Language, hasAddress = updated.Address is not null }), cancellationToken);
        return TypedResults.Ok(updated);
    }
}
