using BasicTrust.Contracts.Api;
using BasicTrust.Functions.AssignRoles;

namespace BasicTrust.Functions.Tests.Access;

public class RoleMappingTests
{
    const string Oid = "0b3d1a2c-9e8f-4a7b-8c6d-5e4f3a2b1c0d";
    static SignInClaim ObjectId(string value) => new("http://schemas.microsoft.com/identity/claims/objectidentifier", value);

    [Fact]
    public void EntraSignIn_GetsItsAppRolesAndItsObjectIdAsARole()
    {
        var roles = RoleMapping.RolesFor(new SignIn("aad", "9f1e", "a@example.org",
            [ObjectId(Oid), new("roles", "therapist"), new("roles", "reviewer"), new("roles", "Global Administrator"), new("name", "A")]));
        Assert.Equal(["reviewer", "therapist", $"oid-{Oid}"], roles);
    }

    [Theory]
    [InlineData("github", Oid)]
    [InlineData("aad", "not-a-guid")]
    [InlineData("aad", null)]
    public void AnyOtherSignIn_GetsNoRoles(string provider, string? oid) =>
        Assert.Empty(RoleMapping.RolesFor(new SignIn(provider, "9f1e", "a", oid is null ? [new("roles", "therapist")] : [ObjectId(oid), new("roles", "therapist")])));
}
