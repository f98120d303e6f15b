using System.CommandLine;
using Azure.Core;
using Azure.Identity;
using BasicTrust.Cli.Api;
using Spectre.Console;

namespace BasicTrust.Cli.Commands;

/// <summary>`bt login` and `bt logout`: sign in with Entra ID (device code) or, locally, with a DevHost development token.</summary>
static class SignInCommands
{
    public static Command Login(Func<ParseResult, SignInStore> store, IAnsiConsole console)
    {
        var devToken = new Option<string?>("--dev-token") { Description = "A development token the local DevHost printed (./run.sh serve); no Entra ID." };
        var tenant = new Option<string?>("--tenant") { Description = "Entra tenant id (or BT_TENANT).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BT_TENANT") };
        var clientId = new Option<string?>("--client-id") { Description = "bt's app registration (a public client; or BT_CLIENT_ID).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BT_CLIENT_ID") };
        var scope = new Option<string?>("--scope") { Description = "The API's scope, api://<api client id>/.default (or BT_API_SCOPE).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BT_API_SCOPE") };
        var command = new Command("login", "Sign in: Entra ID with a device code (open the link, type the code), or a development token.") { devToken, tenant, clientId, scope };
        command.SetAction((r, ct) => Bt.GuardAsync(console, async () =>
        {
            if (r.GetValue(devToken) is { Length: > 0 } token)
            {
                await store(r).SaveAsync(new SavedSignIn(token, null), ct);
                console.MarkupLine("Signed in with a development token (it works only against the DevHost that printed it).");
                return 0;
            }
            var missing = new[] { ("--tenant", r.GetValue(tenant)), ("--client-id", r.GetValue(clientId)), ("--scope", r.GetValue(scope)) }
                .Where(o => string.IsNullOrWhiteSpace(o.Item2)).Select(o => o.Item1).ToList();
            if (missing.Count > 0) throw new ApiException($"Entra ID sign-in needs {string.Join(", ", missing)} (or BT_TENANT, BT_CLIENT_ID, BT_API_SCOPE); locally use --dev-token.", []);
            var credential = new DeviceCodeCredential(new DeviceCodeCredentialOptions
            {
                TenantId = r.GetValue(tenant),
                ClientId = r.GetValue(clientId),
                DeviceCodeCallback = (code, _) => { console.WriteLine(code.Message); return Task.CompletedTask; },
            });
            AccessToken access;
            try { access = await credential.GetTokenAsync(new TokenRequestContext([r.GetValue(scope)!]), ct); }
            catch (AuthenticationFailedException e) { throw new ApiException($"Entra ID sign-in failed: {e.Message}", []); }
            await store(r).SaveAsync(new SavedSignIn(access.Token, access.ExpiresOn), ct);
            console.MarkupLineInterpolated($"Signed in until {access.ExpiresOn.ToLocalTime():HH:mm}.");
            return 0;
        }));
        return command;
    }

    public static Command Logout(Func<ParseResult, SignInStore> store, IAnsiConsole console)
    {
        var command = new Command("logout", "Forget the saved sign-in.");
        command.SetAction(r =>
        {
            console.MarkupLine(store(r).Forget() ? "Signed out." : "Not signed in.");
            return 0;
        });
        return command;
    }
}
