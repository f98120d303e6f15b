using Microsoft.Azure.Functions.Worker;
using BasicTrust.Functions.Api;

namespace BasicTrust.Functions.AssignRoles;

/// <summary>
/// <c>POST /api/auth/roles</c>: the role-mapping function (<c>rolesSource</c> in staticwebapp.config.json) that Static
/// Web Apps calls when a person signs in; answers <c>{"roles": [...]}</c> from <see cref="RoleMapping"/>.
/// </summary>
public sealed class AssignRolesFunction
{
    public const string Name = "AssignRoles";

    [Function(Name)]
    public async Task<Results<Ok<SignInRoles>, ProblemHttpResult>> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/roles")] HttpRequest request)
    {
        var (signIn, problem) = await RequestBodies.ReadJsonAsync<SignIn>(request, 64 * 1024,
            """{"identityProvider": "aad", "userId": "…", "claims": [{"typ": "oid", "val": "…"}]}""");
        return problem is null ? TypedResults.Ok(new SignInRoles(RoleMapping.RolesFor(signIn!))) : problem;
    }
}
