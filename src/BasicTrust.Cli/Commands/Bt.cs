using System.CommandLine;
using BasicTrust.Cli.Api;
using BasicTrust.Contracts.Documents;
using Spectre.Console;

namespace BasicTrust.Cli.Commands;

/// <summary>
/// `bt`: the therapists' and reviewers' command. It talks to the HTTP API (never to storage with a key) as the
/// person who signed in with <c>bt login</c> (or <c>--token</c> / BT_TOKEN): <c>--api URL</c> or BT_API_URL.
/// </summary>
static class Bt
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var api = new Option<string>("--api") { Description = "The API's base URL (or BT_API_URL).", Recursive = true,
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BT_API_URL") ?? "http://127.0.0.1:7071/api/" };
        var token = new Option<string?>("--token") { Description = "A bearer token to use instead of the saved sign-in (or BT_TOKEN).", Recursive = true,
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BT_TOKEN") };
        var configDir = new Option<string>("--config-dir") { Description = "Where bt login keeps the sign-in (or BT_CONFIG_DIR).", Recursive = true,
            DefaultValueFactory = _ => SignInStore.DefaultFolder() };
        var root = new RootCommand("bt: upload recordings and tags, follow sessions, review and fetch highlight reels.") { api, token, configDir };
        SignInStore Store(ParseResult r) => new(r.GetValue(configDir)!);
        ApiClient Client(ParseResult r) => new(new Uri(r.GetValue(api)!.TrimEnd('/') + "/"), r.GetValue(token) is { Length: > 0 } given ? given : Store(r).Token());

        foreach (var command in new[]
        {
            SignInCommands.Login(Store, console),
            SignInCommands.Logout(Store, console),
            CaseCommands.Case(Client, console),
            CaseCommands.Cases(Client, console),
            PlanCommands.Plan(),
            SessionCommands.Upload(Client, console),
            SessionCommands.Manifest(Client, console),
            SessionCommands.Status(Client, console),
            ReviewCommands.Review(Client, console),
            ReviewCommands.Fetch(Client, console),
            ReviewCommands.Reviewed(Client, console),
            ReviewCommands.Comment(Client, console),
            ReviewCommands.Decide(ReviewDecision.Approve, Client, console),
            ReviewCommands.Decide(ReviewDecision.SendBack, Client, console),
            ReviewCommands.Purge(Client, console),
            ConversationCommands.Conversation(Client, console),
            PrivacyCommands.Privacy(Client, console),
        })
            root.Subcommands.Add(command);
        return await root.Parse(args).InvokeAsync(cancellationToken: cancellationToken);
    }

    /// <summary>Runs an action that talks to the API; its problems become a message (and a table of fields) and exit code 1.</summary>
    public static async Task<int> GuardAsync(IAnsiConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (ApiException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            if (e.Errors.Count > 0)
            {
                var table = new Table().AddColumns("field", "problem");
                foreach (var problem in e.Errors) table.AddRow(Markup.Escape(problem.Path), Markup.Escape(problem.Message));
                console.Write(table);
            }
            return 1;
        }
        catch (Exception e) when (e is FormatException or IOException or System.Xml.XmlException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 1;
        }
    }
}
