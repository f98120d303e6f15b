using System.CommandLine;
using BasicTrust.Cli.Api;
using BasicTrust.Highlights.Export;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Validation;
using Spectre.Console;

namespace BasicTrust.Cli.Commands;

/// <summary>
/// <c>bt manifest export</c>: a session's tags as an ELAN, BORIS or CSV file (the writers the web app's export uses),
/// from a manifest on disk or the one last sent for a session.
/// </summary>
static class ManifestExport
{
    public static Command Command(Func<ParseResult, ApiClient> client, IAnsiConsole console)
    {
        var file = new Argument<FileInfo?>("manifest") { Description = "A manifest (.json); without it, --case and --session name the session whose sent manifest to export.", Arity = ArgumentArity.ZeroOrOne };
        var caseId = new Option<string?>("--case");
        var sessionId = new Option<string?>("--session");
        var to = new Option<string>("--to") { Description = "elan (.eaf), boris (a BORIS tabular events .csv) or csv.", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Where to write it (default: {case}-{session}.eaf, …-boris.csv or ….csv here)." };
        var command = new Command("export", "Write a session's tags as an ELAN, BORIS or CSV file, which the import of that format reads back.") { file, caseId, sessionId, to, output };
        command.SetAction((r, ct) => Bt.GuardAsync(console, async () =>
        {
            var format = TagExport.Parse(r.GetValue(to)) ?? throw new FormatException("--to must be elan, boris or csv.");
            string text;
            if (r.GetValue(file) is { } input)
            {
                if (!input.Exists) throw new IOException($"No file at '{input.FullName}'.");
                text = await File.ReadAllTextAsync(input.FullName, ct);
            }
            else if (r.GetValue(caseId) is { } c && r.GetValue(sessionId) is { } s)
            {
                using var api = client(r);
                text = await api.ManifestAsync(c, s, ct);
            }
            else throw new FormatException("Give a manifest file, or --case and --session of a session whose manifest was sent.");

            var read = ManifestReader.Read(text);
            if (read.Manifest is not { } manifest)
            {
                foreach (var problem in read.Problems.Where(p => p.Severity == Severity.Error))
                    console.MarkupLineInterpolated($"[red]error:[/] {problem.Path}: {problem.Message}");
                return 1;
            }
            var path = r.GetValue(output)?.FullName ?? Path.GetFullPath(TagExport.FileName(format, manifest));
            await File.WriteAllTextAsync(path, TagExport.Write(format, manifest, DateTimeOffset.Now), ct);
            var left = manifest.Tags.Count(t => t.Concern);
            console.MarkupLineInterpolated($"Wrote {manifest.Tags.Count - left} tag(s) to {path}{(left > 0 ? $"; {left} safety concern(s) left out (no other tool can mark one)" : "")}.");
            return 0;
        }));
        return command;
    }
}
