using System.Text;
using BasicTrust.Functions.Access;
using Microsoft.AspNetCore.Http;

namespace BasicTrust.Functions.Tests.Access;

public class PrincipalTests
{
    const string Oid = "0b3d1a2c-9e8f-4a7b-8c6d-5e4f3a2b1c0d";

    static Principal? Read(string? json, bool base64 = true)
    {
        var request = new DefaultHttpContext().Request;
        if (json is not null) request.Headers[Principal.Header] = base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(json)) : json;
        return Principal.Read(request);
    }

    [Fact]
    public void StaticWebApps_TakesTheObjectIdFromItsRole_AndKeepsOnlyAppRoles()
    {
        var principal = Read($$"""{"identityProvider":"aad","userId":"9f1e","userDetails":"a@example.org","userRoles":["anonymous","authenticated","reviewer","oid-{{Oid}}","admin"]}""");
        Assert.Equal(Oid, principal!.ObjectId);
        Assert.Equal(["reviewer"], principal.Roles);
    }

    [Fact]
    public void AppService_TakesTheObjectIdAndRolesFromTheClaims()
    {
        var principal = Read($$"""{"auth_typ":"aad","claims":[{"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"{{Oid.ToUpperInvariant()}}"},{"typ":"roles","val":"therapist"},{"typ":"roles","val":"privacy-officer"},{"typ":"name","val":"A"}],"name_typ":"name","role_typ":"roles"}""");
        Assert.Equal(Oid, principal!.ObjectId);
        Assert.Equal(new HashSet<string> { "therapist", "privacy-officer" }, principal.Roles);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not base64 at all!")]
    [InlineData("[]")]
    [InlineData("""{"userId":"9f1e","userRoles":["therapist"]}""")]
    [InlineData("""{"userId":"9f1e","userRoles":["therapist","oid-0b3d1a2c-9e8f-4a7b-8c6d-5e4f3a2b1c0d","oid-1b3d1a2c-9e8f-4a7b-8c6d-5e4f3a2b1c0d"]}""")]
    [InlineData("""{"userId":"9f1e","userRoles":["oid-not-a-guid"]}""")]
    [InlineData("""{"auth_typ":"aad","claims":[{"typ":"roles","val":"therapist"}]}""")]
    [InlineData("""{"auth_typ":"aad","claims":[{"typ":"oid","val":"0b3d1a2c-9e8f-4a7b-8c6d-5e4f3a2b1c0d"},{"typ":"oid","val":"1b3d1a2c-9e8f-4a7b-8c6d-5e4f3a2b1c0d"}]}""")]
    public void WithoutExactlyOneObjectId_IsNoPrincipal(string? json) =>
        Assert.Null(Read(json, base64: json is not null && json.StartsWith('{') || json == "[]"));

    [Theory]
    // A Static Web Apps principal of another provider that also carries claims: neither form may win by order.
    [InlineData("""{"identityProvider":"github","userId":"9f1e","userRoles":["therapist"],"claims":[{"typ":"oid","val":"0b3d1a2c-9e8f-4a7b-8c6d-5e4f3a2b1c0d"},{"typ":"roles","val":"therapist"}]}""")]
    [InlineData("""{"identityProvider":"aad","userId":"9f1e","userRoles":["therapist","oid-0b3d1a2c-9e8f-4a7b-8c6d-5e4f3a2b1c0d"],"claims":[{"typ":"oid","val":"0b3d1a2c-9e8f-4a7b-8c6d-5e4f3a2b1c0d"}]}""")]
    // A key given twice.
    [InlineData("""{"identityProvider":"aad","identityProvider":"aad","userId":"9f1e","userRoles":["therapist","oid-0b3d1a2c-9e8f-4a7b-8c6d-5e4f3a2b1c0d"]}""")]
    public void BothFormsOrAKeyTwice_IsNoPrincipal(string json) => Assert.Null(Read(json, base64: true));
}
