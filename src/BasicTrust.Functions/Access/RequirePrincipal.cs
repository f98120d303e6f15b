using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Notifications;

namespace BasicTrust.Functions.Access;

/// <summary>
/// No HTTP function runs for a request without a person's principal: this answers 401 before the function is
/// invoked and leaves the principal in the request for <see cref="Principal.Of"/>. Built-in authentication already
/// refuses such requests in Azure; this keeps the app safe if it were ever switched off. The role-mapping function
/// alone is exempt: Static Web Apps calls it during sign-in, before there is a principal. A person's first request
/// with an address in the sign-in stores it for their mail (<see cref="NotificationPreferences.RememberSignInAsync"/>).
/// </summary>
public sealed class RequirePrincipal(AuditLog audit, NotificationPreferences preferences) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http && context.FunctionDefinition.Name != AssignRoles.AssignRolesFunction.Name)
        {
            if (Principal.Read(http.Request) is not { } principal)
            {
                await audit.WriteAsync("anonymous", "refused", context.FunctionDefinition.Name, null, http.RequestAborted);
                http.Response.Headers.WWWAuthenticate = "Bearer";
                await ApiResults.Problem(401, "api.sign-in.title", "api.sign-in.detail").ExecuteAsync(http);
                return;
            }
            http.Items[typeof(Principal)] = principal;
            await preferences.RememberSignInAsync(principal.ObjectId, MailAddresses.FromSignIn(http.Request), http.RequestAborted);
        }
        await next(context);
    }
}
