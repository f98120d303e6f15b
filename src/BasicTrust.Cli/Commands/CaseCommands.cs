using System.CommandLine;
using BasicTrust.Cli.Api;
using BasicTrust.Contracts;
using Spectre.Console;

namespace BasicTrust.Cli.Commands;

/// <summary>`bt case create|share|unshare` and `bt cases`: the cases a therapist owns and who they are shared with.</summary>
static class CaseCommands
{
    public static Command Case(Func<ParseResult, ApiClient> client, IAnsiConsole console)
    {
        var command = new Command("case", "Create a case (you own it) and share it with reviewers by their Entra object id.");
        var caseId = new Argument<string>("case") { Description = "A pseudonymous case id (never a name)." };
        var create = new Command("create", "Create a case; you are its owner.") { caseId };
        create.SetAction((r, ct) => Bt.GuardAsync(console, async () =>
        {
            using var api = client(r);
            await api.CreateCaseAsync(r.GetValue(caseId)!, ct);
            console.MarkupLineInterpolated($"Case {r.GetValue(caseId)} is yours.");
            return 0;
        }));
        command.Subcommands.Add(create);
        foreach (var share in new[] { true, false })
        {
            var (id, reviewer) = (new Argument<string>("case"), new Argument<string>("reviewer") { Description = "The reviewer's Entra object id." });
            var sub = new Command(share ? "share" : "unshare", share ? "Let a reviewer see the case's reels." : "Take a share back.") { id, reviewer };
            sub.SetAction((r, ct) => Bt.GuardAsync(console, async () =>
            {
                using var api = client(r);
                var result = await api.ShareAsync(r.GetValue(id)!, r.GetValue(reviewer)!, share, ct);
                console.MarkupLineInterpolated($"Case {r.GetValue(id)} is shared with {result.Reviewers.Count} reviewer(s).");
                return 0;
            }));
            command.Subcommands.Add(sub);
        }
        return command;
    }

    public static Command Cases(Func<ParseResult, ApiClient> client, IAnsiConsole console)
    {
        var command = new Command("cases", "The cases you own or that are shared with you.");
        command.SetAction((r, ct) => Bt.GuardAsync(console, async () =>
        {
            using var api = client(r);
            var cases = await api.CasesAsync(ct);
            var table = new Table().AddColumns("case", "your role");
            foreach (var c in cases) table.AddRow(Markup.Escape(c.CaseId), Json.Name(c.Role));
            console.Write(table);
            console.MarkupLineInterpolated($"{cases.Count} case(s).");
            return 0;
        }));
        return command;
    }
}
