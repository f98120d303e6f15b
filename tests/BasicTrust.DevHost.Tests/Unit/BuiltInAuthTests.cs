using System.Text;
using System.Text.Json.Nodes;
using BasicTrust.DevHost.Http;
using Microsoft.AspNetCore.Http;

namespace BasicTrust.DevHost.Tests.Unit;

public class BuiltInAuthTests
{
    static readonly DevelopmentUser Therapist = new("0b3d1a2c-9e8f-4a7b-8c6d-5e4f3a2b1c0d", ["therapist"]);
    readonly BuiltInAuth _auth = new(acceptStaticWebAppsCli: true);

    static HttpRequest Request(string? bearer = null, string? principal = null)
    {
        var request = new DefaultHttpContext().Request;
        if (bearer is not null) request.Headers.Authorization = "Bearer " + bearer;
        if (principal is not null) request.Headers[BuiltInAuth.PrincipalHeader] = principal;
        return request;
    }

    static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void DevelopmentToken_BecomesTheAppServicePrincipal_AndTheTokenIsNotForwarded()
    {
        var request = Request(_auth.Mint(Therapist, TimeSpan.FromMinutes(5)));
        Assert.True(_auth.Admit(request));
        var principal = JsonNode.Parse(Convert.FromBase64String(request.Headers[BuiltInAuth.PrincipalHeader]!))!;
        var claims = principal["claims"]!.AsArray().Select(c => ((string)c!["typ"]!, (string)c["val"]!)).ToList();
        Assert.Contains(("http://schemas.microsoft.com/identity/claims/objectidentifier", Therapist.ObjectId), claims);
        Assert.Contains(("roles", "therapist"), claims);
        Assert.Empty(request.Headers.Authorization.ToString());
    }

    [Fact]
    public void ExpiredTamperedOrForeignTokens_AreRefused()
    {
        var token = _auth.Mint(Therapist, TimeSpan.FromMinutes(5));
        var elevated = _auth.Mint(Therapist with { Roles = ["privacy-officer"] }, TimeSpan.FromMinutes(5)).Split('.');
        Assert.False(_auth.Admit(Request(_auth.Mint(Therapist, TimeSpan.FromSeconds(-1)))));
        Assert.False(_auth.Admit(Request($"{elevated[0]}.{elevated[1]}.{token.Split('.')[2]}")));
        Assert.False(_auth.Admit(Request(new BuiltInAuth(false).Mint(Therapist, TimeSpan.FromMinutes(5)))));
        Assert.False(_auth.Admit(Request("btdev.x")));
        Assert.False(_auth.Admit(Request()));
    }

    [Fact]
    public void APrincipalHeaderFromTheClient_IsRemoved()
    {
        var forged = Request(principal: Base64("""{"auth_typ":"aad","claims":[{"typ":"oid","val":"0b3d1a2c-9e8f-4a7b-8c6d-5e4f3a2b1c0d"}]}"""));
        forged.Headers["x-ms-client-principal-id"] = Therapist.ObjectId;
        Assert.False(_auth.Admit(forged));
        Assert.DoesNotContain(forged.Headers.Keys, k => k.StartsWith("x-ms-client-principal", StringComparison.OrdinalIgnoreCase));

        var withToken = Request(_auth.Mint(Therapist, TimeSpan.FromMinutes(5)), Base64("""{"auth_typ":"aad","claims":[{"typ":"oid","val":"ffffffff-9e8f-4a7b-8c6d-5e4f3a2b1c0d"}]}"""));
        Assert.True(_auth.Admit(withToken));
        Assert.Contains(Therapist.ObjectId, Encoding.UTF8.GetString(Convert.FromBase64String(withToken.Headers[BuiltInAuth.PrincipalHeader]!)));
    }

    [Fact]
    public void StaticWebAppsCliPrincipal_IsAdmittedAsItForwardsIt_HeaderAndTheSameBearer()
    {
        var principal = Base64("""{"identityProvider":"aad","userId":"9f1e","userDetails":"a@example.org","userRoles":["authenticated","therapist"]}""");
        var request = Request(principal, principal);
        Assert.True(_auth.Admit(request));
        Assert.Equal(principal, request.Headers[BuiltInAuth.PrincipalHeader].ToString());
        Assert.False(_auth.Admit(Request(principal: principal)));
        Assert.False(_auth.Admit(Request(Base64("""{"userId":"x"}"""), Base64("""{"userId":"x"}"""))));
        Assert.False(new BuiltInAuth(acceptStaticWebAppsCli: false).Admit(Request(principal, principal)));
    }

    [Theory]
    [InlineData("""{"identityProvider":"aad","userId":"9f1e","userId":"9f1f","userRoles":["authenticated","therapist"]}""")]
    [InlineData("""{"identityProvider":"aad","userId":"9f1e","userRoles":["therapist"],"userRoles":["privacy-officer"]}""")]
    public void StaticWebAppsCliPrincipal_WithAKeyTwice_IsRefusedNotAnError(string json)
    {
        var principal = Base64(json);
        Assert.False(_auth.Admit(Request(principal, principal)));
    }

    [Theory]
    [InlineData("0b3d1a2c-9e8f-4a7b-8c6d-5e4f3a2b1c0d=therapist,reviewer", "therapist,reviewer")]
    [InlineData("0B3D1A2C-9E8F-4A7B-8C6D-5E4F3A2B1C0D=privacy-officer", "privacy-officer")]
    public void DevelopmentUser_ParsesFromTheCommandLine(string text, string roles)
    {
        var user = DevelopmentUser.Parse(text);
        Assert.Equal((Therapist.ObjectId, roles), (user.ObjectId, string.Join(',', user.Roles)));
    }

    [Theory]
    [InlineData("therapist")]
    [InlineData("someone=therapist")]
    public void DevelopmentUser_WithoutAnObjectId_IsRefused(string text) =>
        Assert.Contains("OBJECTID=ROLE", Assert.Throws<InvalidOperationException>(() => DevelopmentUser.Parse(text)).Message);
}
