using System.CommandLine;
using System.Globalization;
using BasicTrust.Cli.Api;
using BasicTrust.Contracts.Api;
using Spectre.Console;

namespace BasicTrust.Cli.Commands;

/// <summary>
/// `bt privacy …`: a case's people and consents, a withdrawal (which deletes the recordings it concerns), the end of
/// the guidance and a legal hold; `bt privacy status` without a case is the privacy officer's overview.
/// </summary>
static class PrivacyCommands
{
    public static Command Privacy(Func<ParseResult, ApiClient> client, IAnsiConsole console)
    {
        var command = new Command("privacy", "Consent per person and use, and when a case's recordings are deleted.");
        command.Subcommands.Add(Status(client, console));
        command.Subcommands.Add(People(client, console));
        command.Subcommands.Add(Consent(client, console));
        var (withdrawCase, consentId) = (new Argument<string>("case"), new Argument<string>("consent") { Description = "The consent's id, as bt privacy status lists it." });
        command.Subcommands.Add(Simple(new Command("withdraw", "Withdraw a consent: every recording that then lacks consent is deleted with all made of it.") { withdrawCase, consentId },
            console, async (r, ct) =>
            {
                using var api = client(r);
                var done = await api.WithdrawAsync(r.GetValue(withdrawCase)!, r.GetValue(consentId)!, ct);
                foreach (var erased in done.Erased)
                    console.MarkupLineInterpolated($"Deleted recording {erased.SessionId}: {erased.Blobs} files, {erased.Reviews} review rows, {erased.Messages} queued messages.");
                console.MarkupLineInterpolated($"Consent withdrawn; {done.Erased.Count} recording(s) deleted.");
                Show(console, done.Privacy);
            }));
        var closeCase = new Argument<string>("case");
        command.Subcommands.Add(Simple(new Command("close", "End the guidance: no more recordings; they are deleted after the retention period.") { closeCase }, console, async (r, ct) =>
        {
            using var api = client(r);
            Show(console, await api.CloseAsync(r.GetValue(closeCase)!, ct));
        }));
        var (holdCase, reason) = (new Argument<string>("case"), new Option<string?>("--reason") { Description = "Why the recordings must be kept (without it, the hold is lifted)." });
        command.Subcommands.Add(Simple(new Command("hold", "As a privacy officer, set a legal hold (--reason) or lift it (no --reason).") { holdCase, reason }, console, async (r, ct) =>
        {
            using var api = client(r);
            Show(console, await api.HoldAsync(r.GetValue(holdCase)!, r.GetValue(reason), ct));
        }));
        return command;
    }

    static Command Status(Func<ParseResult, ApiClient> client, IAnsiConsole console)
    {
        var caseId = new Argument<string?>("case") { Arity = ArgumentArity.ZeroOrOne, Description = "A case (its owner, or a privacy officer); without it every case (privacy officers)." };
        return Simple(new Command("status", "People, consents per use, recordings missing consent, and the deletion date.") { caseId }, console, async (r, ct) =>
        {
            using var api = client(r);
            if (r.GetValue(caseId) is { } one) { Show(console, await api.PrivacyAsync(one, ct)); return; }
            var overview = await api.PrivacyOverviewAsync(ct);
            var table = new Table().AddColumns("case", "consent per person", "recordings missing consent", "deletion", "hold");
            foreach (var c in overview.Cases)
                table.AddRow(Markup.Escape(c.CaseId), Markup.Escape(string.Join("; ", c.People.Select(p => $"{p.Id}: {Covered(p)}"))),
                    Markup.Escape(string.Join(", ", c.Recordings.Where(x => x.ErasedAt is null && x.MissingFeedback.Count > 0).Select(x => x.SessionId))),
                    Markup.Escape(Deletion(c)), Markup.Escape(c.Hold?.Reason ?? ""));
            console.Write(table);
            console.MarkupLineInterpolated($"{overview.Cases.Count} case(s); recordings are deleted {overview.RetentionDays} day(s) after the guidance ends.");
        });
    }

    static Command People(Func<ParseResult, ApiClient> client, IAnsiConsole console)
    {
        var caseId = new Argument<string>("case");
        var people = new Argument<string[]>("people")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Each ID=ROLE[:AGEBAND][:gezag|:geen-gezag], e.g. moeder=moeder kind=kind:4-6 pleegmoeder=pleegouder. The list replaces the case's.",
        };
        return Simple(new Command("people", "Set the case's people: pseudonyms, roles, a child's age band, who holds parental authority.") { caseId, people }, console, async (r, ct) =>
        {
            using var api = client(r);
            Show(console, await api.SetPeopleAsync(r.GetValue(caseId)!, new CasePeopleRequest([.. r.GetValue(people)!.Select(ParsePerson)]), ct));
        });
    }

    static Command Consent(Func<ParseResult, ApiClient> client, IAnsiConsole console)
    {
        var (caseId, person) = (new Argument<string>("case"), new Argument<string>("person") { Description = "Who gave it: a person of the case, or iemand-anders." });
        var scopes = new Option<string[]>("--for") { Description = "terugkijken, supervisie or scholing; once per use.", Arity = ArgumentArity.OneOrMore, Required = true };
        var means = new Option<string>("--means") { Description = "formulier (a signed form on file) or mondeling (said aloud, noted).", DefaultValueFactory = _ => "formulier" };
        return Simple(new Command("consent", "Record a consent a person gave, for one or more uses.") { caseId, person, scopes, means }, console, async (r, ct) =>
        {
            using var api = client(r);
            Show(console, await api.ConsentAsync(r.GetValue(caseId)!, new ConsentRequest(r.GetValue(person), r.GetValue(scopes), r.GetValue(means)), ct));
        });
    }

    /// <summary>ID=ROLE[:AGEBAND][:gezag|:geen-gezag] as the API's person.</summary>
    public static CasePersonRequest ParsePerson(string given)
    {
        var at = given.IndexOf('=');
        if (at <= 0) throw new FormatException($"'{given}' is not ID=ROLE: write for instance moeder=moeder or kind=kind:4-6.");
        var parts = given[(at + 1)..].Split(':');
        bool? authority = parts.Contains("gezag") ? true : parts.Contains("geen-gezag") ? false : null;
        var band = parts.Skip(1).FirstOrDefault(p => p is not ("gezag" or "geen-gezag"));
        return new CasePersonRequest(given[..at], parts[0], band, authority);
    }

    static void Show(IAnsiConsole console, PrivacyAnswer privacy)
    {
        var people = new Table().AddColumns("person", "role", "parental authority", "consent from", "covered");
        foreach (var p in privacy.People)
            people.AddRow(Markup.Escape(p.Id), Markup.Escape(p.Role + (p.AgeBand is null ? "" : $" ({p.AgeBand})")), p.Authority ? "yes" : "no",
                Markup.Escape(p.NoAuthority ? "nobody holds authority" : string.Join(", ", p.ConsentFrom)), Markup.Escape(Covered(p)));
        console.Write(people);
        foreach (var c in privacy.Consents)
            console.MarkupLineInterpolated($"consent {c.Id}: {c.Person} for {string.Join(", ", c.Scopes)} ({c.Means}, {c.GivenAt:yyyy-MM-dd}){(c.WithdrawnAt is { } w ? $", withdrawn {w:yyyy-MM-dd}" : "")}");
        foreach (var x in privacy.Recordings)
            console.MarkupLineInterpolated($"recording {x.SessionId}: {string.Join(", ", x.OnRecording)}{Missing(x)}");
        console.MarkupLineInterpolated($"{Deletion(privacy)}");
    }

    static string Covered(PrivacyPerson person) => person.Covered.Count == 0 ? "nothing" : string.Join(", ", person.Covered);

    static string Missing(RecordingConsent recording) => recording.ErasedAt is { } erased ? $"; deleted {erased:yyyy-MM-dd} ({recording.ErasedBecause})"
        : recording.MissingFeedback.Count > 0 ? $"; NOT cut: terugkijken missing for {string.Join(", ", recording.MissingFeedback.Select(m => m.Person))}"
        : recording.MissingSupervision.Count > 0 ? $"; reviewers see no reel: supervisie missing for {string.Join(", ", recording.MissingSupervision.Select(m => m.Person))}"
        : "";

    static string Deletion(PrivacyAnswer privacy) =>
        privacy.MediaDeletedAt is { } deleted ? $"recordings deleted {deleted:yyyy-MM-dd}"
        : privacy.Hold is { } hold ? $"on hold: {hold.Reason}"
        : privacy.DeleteAt is { } at ? $"guidance ended; recordings deleted on {at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
        : $"in guidance; recordings are deleted {privacy.RetentionDays} day(s) after it ends";

    static Command Simple(Command command, IAnsiConsole console, Func<ParseResult, CancellationToken, Task> action)
    {
        command.SetAction((r, ct) => Bt.GuardAsync(console, async () => { await action(r, ct); return 0; }));
        return command;
    }
}
