using System.Text;
using System.Text.Json;

namespace BasicTrust.Functions.Access;

/// <summary>
/// The person calling: their Entra ID object id and app roles. Read in one place from the principal the platform
/// forwards in <c>x-ms-client-principal</c>, which built-in authentication (required on the Function App) sets and
/// no client can: Static Web Apps' format (<c>userId</c>, <c>userRoles</c>; the object id arrives as the role
/// <c>oid-{id}</c> that <see cref="AssignRoles.RoleMapping"/> gave at sign-in) or App Service's (<c>claims</c>).
/// </summary>
public sealed record Principal(string ObjectId, IReadOnlySet<string> Roles)
{
    public const string Header = "x-ms-client-principal";
    public const string ObjectIdRolePrefix = "oid-";
    const string RoleClaim = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
    /// <summary>The claim types Entra ID tokens carry the object id in (long and short form).</summary>
    public static readonly IReadOnlySet<string> ObjectIdClaims = new HashSet<string>(["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid"]);
    /// <summary>The claim types app roles arrive in.</summary>
    public static readonly IReadOnlySet<string> RoleClaims = new HashSet<string>(["roles", RoleClaim]);

    public bool Is(string role) => Roles.Contains(role);

    /// <summary>The principal of a request, or null when it has none that names a person by object id.</summary>
    public static Principal? Read(HttpRequest request)
    {
        if (request.Headers[Header].FirstOrDefault() is not { Length: > 0 and <= 64 * 1024 } header) return null;
        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)), new JsonDocumentOptions { AllowDuplicateProperties = false });
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var appService = root.TryGetProperty("claims", out var claims) && claims.ValueKind == JsonValueKind.Array;
            var staticWebApps = root.TryGetProperty("userRoles", out var roles) && roles.ValueKind == JsonValueKind.Array;
            // Exactly one of the two forms: a principal carrying both is ambiguous, whichever would be read first.
            if (appService == staticWebApps) return null;
            if (appService) return FromAppService(root, claims);
            // Only an Entra ID sign-in: other providers and invitations could hand out any role name.
            return Text(root, "identityProvider") == "aad" ? FromStaticWebApps(Strings(roles)) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Static Web Apps: the roles its role-mapping function gave at sign-in, one of which carries the object id.</summary>
    static Principal? FromStaticWebApps(IReadOnlyList<string> roles)
    {
        var ids = roles.Where(r => r.StartsWith(ObjectIdRolePrefix, StringComparison.Ordinal)).Select(r => r[ObjectIdRolePrefix.Length..]).ToList();
        return ids is [var id] ? Create(id, roles) : null;
    }

    /// <summary>App Service built-in authentication (a bearer token from Entra ID): the token's claims.</summary>
    static Principal? FromAppService(JsonElement root, JsonElement claims)
    {
        var roleType = root.TryGetProperty("role_typ", out var typ) && typ.ValueKind == JsonValueKind.String ? typ.GetString()! : RoleClaim;
        var pairs = claims.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object)
            .Select(c => (Type: Text(c, "typ"), Value: Text(c, "val"))).ToList();
        var ids = pairs.Where(p => p.Type is not null && ObjectIdClaims.Contains(p.Type)).Select(p => p.Value).Distinct().ToList();
        var roles = pairs.Where(p => p.Type is not null && (p.Type == roleType || RoleClaims.Contains(p.Type))).Select(p => p.Value);
        return ids is [var id] ? Create(id, roles) : null;
    }

    static Principal? Create(string? objectId, IEnumerable<string?> roles) =>
        Guid.TryParseExact(objectId, "D", out var id) && id != Guid.Empty
            ? new Principal(id.ToString("D"), roles.OfType<string>().Where(AppRoles.All.Contains).ToHashSet(StringComparer.Ordinal))
            : null;

    static List<string> Strings(JsonElement array) =>
        [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];

    static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The principal the authentication middleware found for this request.</summary>
    public static Principal Of(HttpContext context) =>
        context.Items[typeof(Principal)] as Principal ?? throw new InvalidOperationException("No principal: the request did not pass RequirePrincipal.");
}
