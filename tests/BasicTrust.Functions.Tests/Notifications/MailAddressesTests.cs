using System.Text;
using System.Text.Json;
using BasicTrust.Functions.Notifications;
using Microsoft.AspNetCore.Http;

namespace BasicTrust.Functions.Tests.Notifications;

public class MailAddressesTests
{
    [Theory]
    [InlineData("naam@voorbeeld.nl", "naam@voorbeeld.nl")]
    [InlineData("  naam@voorbeeld.nl ", "naam@voorbeeld.nl")]
    [InlineData("Naam <naam@voorbeeld.nl>", null)]
    [InlineData("a@b.nl, c@d.nl", null)]
    [InlineData("naam@localhost", null)]
    [InlineData("geen adres", null)]
    [InlineData("11111111-1111-4111-8111-111111111111", null)]
    [InlineData("", null)]
    public void Normalize_TakesOnePlainAddressOnly(string text, string? expected) =>
        Assert.Equal(expected, MailAddresses.Normalize(text));

    [Fact]
    public void Normalize_RefusesAnAddressLongerThanAPath() =>
        Assert.Null(MailAddresses.Normalize(new string('a', 250) + "@b.nl"));

    [Fact]
    public void FromSignIn_StaticWebAppsUserDetails_WhenItIsAnAddress()
    {
        Assert.Equal("sup@voorbeeld.nl", MailAddresses.FromSignIn(Request(new { identityProvider = "aad", userId = "x", userDetails = "sup@voorbeeld.nl", userRoles = new[] { "reviewer" } })));
        // Entra ID's userDetails as the app configures it: the object id, which is no address.
        Assert.Null(MailAddresses.FromSignIn(Request(new { identityProvider = "aad", userId = "x", userDetails = "c0000000-0000-4000-8000-00000000000c", userRoles = new[] { "reviewer" } })));
    }

    [Fact]
    public void FromSignIn_AppServiceClaims_TheFirstThatIsAnAddress() =>
        Assert.Equal("t@voorbeeld.nl", MailAddresses.FromSignIn(Request(new
        {
            auth_typ = "aad",
            claims = new[] { new { typ = "name", val = "n@voorbeeld.nl" }, new { typ = "preferred_username", val = "t@voorbeeld.nl" } },
        })));

    [Fact]
    public void FromSignIn_NoPrincipal_IsNull() => Assert.Null(MailAddresses.FromSignIn(new DefaultHttpContext().Request));

    static HttpRequest Request(object principal)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers["x-ms-client-principal"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(principal)));
        return context.Request;
    }
}
