using BasicTrust.Contracts.Documents;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BasicTrust.Contracts.Api;

/// <summary>One claim of the sign-in's ID token, as Static Web Apps passes it.</summary>
public sealed record SignInClaim(string? Typ, string? Val);

/// <summary><c>POST /api/auth/roles</c>: what Static Web Apps sends its role-mapping function when a person signs in.</summary>
public sealed record SignIn(string? IdentityProvider, string? UserId, string? UserDetails, IReadOnlyList<SignInClaim>? Claims);

/// <summary>The roles Static Web Apps gives the person signing in.</summary>
public sealed record SignInRoles(IReadOnlyList<string> Roles);

/// <summary>
/// <c>GET /api/audit/{day}?part=N</c>: one part of a day's audit log, its entries as written; a line that is not an
/// entry (a torn write) is in <c>Unreadable</c> as it is. <c>NextPart</c> is set while more parts follow.
/// </summary>
public sealed record AuditPart(string Day, int Part, IReadOnlyList<AuditEntry> Entries, IReadOnlyList<string> Unreadable, int? NextPart = null);

/// <summary><c>POST /api/import/{format}</c>: another tool's tags as a session manifest's <c>tags</c> array (the manifest's own format).</summary>
public sealed record ImportedTags(JsonArray Tags);
