using System.CommandLine;
using BasicTrust.Cli.Api;
using Spectre.Console;

namespace BasicTrust.Cli.Commands;

/// <summary>
/// `bt`: the therapists' and reviewers' command. It talks to the HTTP API (never to storage with a key):
/// <c>--api URL --key KEY</c>, or BT_API_URL and BT_API_KEY.
/// </summary>
static class Bt
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var api = new Option<string>("--api") { Description = "The API's base URL (or BT_API_URL).", Recursive = true,
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BT_API_URL") ?? "http://127.0.0.1:7071/api/" };
        var key = new Option<string>("--key") { Description = "The function key (or BT_API_KEY).", Recursive = true,
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BT_API_KEY") ?? "" };
        var root = new RootCommand("bt: upload recordings and tags, follow sessions, review and fetch highlight reels.") { api, key };
        ApiClient Client(ParseResult r) => new(new Uri(r.GetValue(api)!.TrimEnd('/') + "/"), r.GetValue(key)!);

        foreach (var command in new[]
        {
            PlanCommands.Plan(),
            SessionCommands.Upload(Client, console),
            SessionCommands.Manifest(Client, console),
            SessionCommands.Status(Client, console),
            ReviewCommands.Review(Client, console),
            ReviewCommands.Fetch(Client, console),
            ReviewCommands.Reviewed(Client, console),
            ReviewCommands.Purge(Client, console),
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
                foreach (var (path, message) in e.Errors) table.AddRow(Markup.Escape(path), Markup.Escape(message));
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
