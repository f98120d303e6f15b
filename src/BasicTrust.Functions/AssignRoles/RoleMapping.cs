using BasicTrust.Functions.Access;

namespace BasicTrust.Functions.AssignRoles;

/// <summary>
/// Static Web Apps' roles for a person signing in with Entra ID: their app roles from the token's <c>roles</c> claims,
/// and <c>oid-{object id}</c>, because Static Web Apps forwards only roles to the API (claims are dropped) and the
/// API keys people by object id. Roles are computed from the token alone, so the function keeps no state and a
/// forged call to it changes nothing.
/// </summary>
public static class RoleMapping
{
    public static IReadOnlyList<string> RolesFor(SignIn signIn)
    {
        var claims = signIn.Claims ?? [];
        var ids = claims.Where(c => c.Typ is not null && Principal.ObjectIdClaims.Contains(c.Typ)).Select(c => c.Val).Distinct().ToList();
        if (signIn.IdentityProvider != "aad" || ids is not [var id] || !Guid.TryParseExact(id, "D", out var objectId)) return [];
        var roles = claims.Where(c => c.Typ is not null && Principal.RoleClaims.Contains(c.Typ) && c.Val is not null && AppRoles.All.Contains(c.Val)).Select(c => c.Val!).Distinct().Order(StringComparer.Ordinal);
        return [.. roles, Principal.ObjectIdRolePrefix + objectId.ToString("D")];
    }
}
