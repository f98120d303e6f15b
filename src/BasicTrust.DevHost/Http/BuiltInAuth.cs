using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BasicTrust.DevHost.Http;

/// <summary>A person to act as locally: an Entra object id and app roles, as <c>OBJECTID=ROLE[,ROLE]</c> on the command line.</summary>
public sealed record DevelopmentUser(string ObjectId, IReadOnlyList<string> Roles)
{
    public static DevelopmentUser Parse(string text)
    {
        var parts = text.Split('=', 2);
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "D", out var id))
            throw new InvalidOperationException($"--user '{text}' is not OBJECTID=ROLE[,ROLE] with a GUID object id.");
        return new DevelopmentUser(id.ToString("D"), parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}

/// <summary>
/// Plays the Function App's built-in authentication (App Service "Easy Auth", sign-in required, 401 otherwise) for
/// local runs. It admits a development token minted by this host for a <see cref="DevelopmentUser"/> (signed with a
/// key that lives only in this process, and expiring), which it turns into the principal App Service would forward
/// for an Entra ID bearer token; and, when asked to, the Static Web Apps CLI, which forwards its principal in
/// <c>x-ms-client-principal</c> and the same value as a bearer token. Anything else is refused, and a principal header
/// a client sends any other way is removed, as App Service does. (Locally nothing tells the CLI's principal from one
/// made by hand, so accepting it is a choice for when the CLI runs, on loopback.)
/// </summary>
public sealed class BuiltInAuth(bool acceptStaticWebAppsCli)
{
    public const string PrincipalHeader = "x-ms-client-principal";
    const string TokenPrefix = "btdev.";
    readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>A development token for <paramref name="user"/>, valid for <paramref name="lifetime"/> (negative: already expired).</summary>
    public string Mint(DevelopmentUser user, TimeSpan lifetime)
    {
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { oid = user.ObjectId, roles = user.Roles, exp = (DateTimeOffset.UtcNow + lifetime).ToUnixTimeSeconds() }));
        return TokenPrefix + payload + "." + Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(payload)));
    }

    /// <summary>Leaves only a principal this host vouches for on the request; false when there is none (answer 401).</summary>
    public bool Admit(HttpRequest request)
    {
        var forwarded = request.Headers[PrincipalHeader].FirstOrDefault();
        RemovePrincipalHeaders(request);
        var bearer = request.Headers.Authorization.FirstOrDefault() is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..].Trim() : null;
        string? principal = null;
        if (acceptStaticWebAppsCli && bearer is not null && bearer == forwarded && IsStaticWebAppsPrincipal(forwarded))
            principal = forwarded;
        else if (bearer is not null && Verify(bearer) is { } user)
            principal = AppServicePrincipal(user);
        if (principal is null) return false;
        request.Headers.Authorization = default;
        request.Headers[PrincipalHeader] = principal;
        return true;
    }

    /// <summary>Removes every <c>x-ms-client-principal*</c> header: only the platform sets them.</summary>
    public static void RemovePrincipalHeaders(HttpRequest request)
    {
        foreach (var name in request.Headers.Keys.Where(k => k.StartsWith(PrincipalHeader, StringComparison.OrdinalIgnoreCase)).ToList())
            request.Headers.Remove(name);
    }

    DevelopmentUser? Verify(string token)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token[TokenPrefix.Length..].Split('.') is not [var payload, var signature]) return null;
        var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(payload));
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(expected, FromBase64Url(signature))) return null;
            var body = JsonNode.Parse(FromBase64Url(payload))!;
            if (DateTimeOffset.FromUnixTimeSeconds((long)body["exp"]!) <= DateTimeOffset.UtcNow) return null;
            return new DevelopmentUser((string)body["oid"]!, [.. body["roles"]!.AsArray().Select(r => (string)r!)]);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException or InvalidOperationException or NullReferenceException)
        {
            return null;
        }
    }

    /// <summary>The Static Web Apps shape: base64 JSON with <c>userId</c> and <c>userRoles</c>.</summary>
    static bool IsStaticWebAppsPrincipal(string? header)
    {
        try
        {
            return header is not null && JsonNode.Parse(Convert.FromBase64String(header)) is JsonObject o && o["userId"] is JsonValue && o["userRoles"] is JsonArray;
        }
        // A key given twice surfaces as an ArgumentException when the object is first read.
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>What App Service forwards for an Entra ID token: the token's claims, base64 JSON.</summary>
    static string AppServicePrincipal(DevelopmentUser user)
    {
        var claims = new JsonArray(new JsonObject { ["typ"] = "http://schemas.microsoft.com/identity/claims/objectidentifier", ["val"] = user.ObjectId });
        foreach (var role in user.Roles) claims.Add(new JsonObject { ["typ"] = "roles", ["val"] = role });
        var principal = new JsonObject { ["auth_typ"] = "aad", ["claims"] = claims, ["name_typ"] = "name", ["role_typ"] = "roles" };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(principal.ToJsonString()));
    }

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4));
    }
}
