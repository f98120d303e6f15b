using System.Text;
using System.Text.Json;
using BasicTrust.DevHost.Http;

namespace BasicTrust.Web.Tests.Support;

/// <summary>
/// Someone the browser tests act as: an Entra object id and app roles. Through the Static Web Apps CLI they sign in
/// with its cookie, holding the roles the role-mapping function gives at a real sign-in (the CLI's mock login never
/// calls it): the app roles and <c>oid-{object id}</c>.
/// </summary>
public sealed record Person(string ObjectId, params string[] Roles)
{
    public static readonly Person TherapistA = new("a1000000-0000-4000-8000-00000000000a", "therapist");
    public static readonly Person TherapistB = new("b1000000-0000-4000-8000-00000000000b", "therapist");
    public static readonly Person Reviewer = new("c1000000-0000-4000-8000-00000000000c", "reviewer");
    public static readonly Person PrivacyOfficer = new("e1000000-0000-4000-8000-00000000000e", "privacy-officer");

    public const string CookieName = "StaticWebAppsAuthCookie";

    /// <summary>What the sign-in gives as <c>userDetails</c>: a mail address when set (Entra ID's user name), else the object id.</summary>
    public string? SignInAddress { get; init; }

    /// <summary>The cookie's value: base64 of the Static Web Apps principal.</summary>
    public string Cookie => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        identityProvider = "aad",
        userId = ObjectId.Replace("-", ""),
        userDetails = SignInAddress ?? ObjectId,
        userRoles = (string[])["anonymous", "authenticated", .. Roles, $"oid-{ObjectId}"],
    })));

    /// <summary>The same person for a DevHost development token (the tests' own API calls, without the browser).</summary>
    public DevelopmentUser Developer => new(ObjectId, Roles);
}
