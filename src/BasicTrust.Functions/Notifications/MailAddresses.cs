using System.Text;
using System.Text.Json;
using MimeKit;

namespace BasicTrust.Functions.Notifications;

/// <summary>What counts as a mail address here, and the one a sign-in carries, if any.</summary>
public static class MailAddresses
{
    /// <summary>The longest address taken (RFC 5321's path limit).</summary>
    public const int MaxLength = 254;

    /// <summary>The claims an App Service principal may carry an address in.</summary>
    static readonly string[] AddressClaims = ["email", "preferred_username", "upn", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"];

    /// <summary>A plain address (<c>local@domain</c>, no display name, no list), or null.</summary>
    public static string? Normalize(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || trimmed.Any(char.IsWhiteSpace)) return null;
        return MailboxAddress.TryParse(trimmed, out var mailbox) && mailbox.Address == trimmed && trimmed.IndexOf('@') is > 0 and var at && at < trimmed.Length - 1
            && trimmed[(at + 1)..].Contains('.') ? trimmed : null;
    }

    /// <summary>
    /// The address in the request's principal: Static Web Apps' <c>userDetails</c>, or an App Service principal's
    /// e-mail or user-name claim, when it is an address (with Entra ID's userDetails set to the object id, it is not).
    /// </summary>
    public static string? FromSignIn(HttpRequest request)
    {
        if (request.Headers[Access.Principal.Header].FirstOrDefault() is not { Length: > 0 and <= 64 * 1024 } header) return null;
        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("userDetails", out var details) && details.ValueKind == JsonValueKind.String)
                return Normalize(details.GetString());
            if (!root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array) return null;
            return claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("typ", out var t) && AddressClaims.Contains(t.GetString()))
                .Select(c => c.TryGetProperty("val", out var v) && v.ValueKind == JsonValueKind.String ? Normalize(v.GetString()) : null)
                .FirstOrDefault(a => a is not null);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
