using System.CommandLine;
using System.Globalization;
using BasicTrust.Cli.Api;
using BasicTrust.Contracts.Api;
using Spectre.Console;

namespace BasicTrust.Cli.Commands;

/// <summary>
/// `bt conversation C S`: the terugkijkgesprek of a session's reel (what the parent saw per clip, the practice point for
/// next time, and last time's); with <c>--practice</c> or <c>--saw CLIP=TEXT</c> the therapist changes it.
/// </summary>
static class ConversationCommands
{
    public static Command Conversation(Func<ParseResult, ApiClient> client, IAnsiConsole console)
    {
        var (caseId, sessionId) = (new Argument<string>("case"), new Argument<string>("session"));
        var practice = new Option<string?>("--practice") { Description = "The practice point for next time (\"\" removes it)." };
        var saw = new Option<string[]>("--saw")
        {
            Description = "What the parent saw in a clip: CLIP=TEXT, the clip id as bt fetch lists it (CLIP= removes it); once per clip.",
            Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("conversation", "Show, or as the therapist set, the terugkijkgesprek of a session's reel: what the parent saw and the practice point.")
            { caseId, sessionId, practice, saw };
        command.SetAction((r, ct) => Bt.GuardAsync(console, async () =>
        {
            using var api = client(r);
            var (c, s) = (r.GetValue(caseId)!, r.GetValue(sessionId)!);
            var answer = await api.ConversationAsync(c, s, ct);
            var changes = Changes(r.GetValue(saw) ?? []);
            var newPractice = r.GetValue(practice);
            if (changes.Count > 0 || newPractice is not null)
            {
                var texts = (answer.Record?.Clips ?? []).ToDictionary(x => x.ClipId, x => x.ParentSaw);
                foreach (var (clip, text) in changes) texts[clip] = text;
                answer = await api.RecordConversationAsync(c, s,
                    new ConversationRequest([.. texts.Select(x => new ClipConversationRequest(x.Key, x.Value))], newPractice ?? answer.Record?.PracticePoint), ct);
                console.MarkupLineInterpolated($"Recorded the terugkijkgesprek of {c}/{s}.");
            }
            Show(console, answer);
            return 0;
        }));
        return command;
    }

    /// <summary>Each <c>--saw CLIP=TEXT</c> as the clip and its text, the last one given for a clip winning.</summary>
    public static IReadOnlyList<(string Clip, string Text)> Changes(IEnumerable<string> given) =>
        [.. given.Select(g => g.IndexOf('=') is > 0 and var at ? (g[..at].Trim(), g[(at + 1)..])
            : throw new FormatException($"--saw '{g}' names no clip: write --saw CLIP=TEXT, with the clip id as bt fetch lists it."))];

    static void Show(IAnsiConsole console, ConversationAnswer answer)
    {
        if (answer.Previous is { } previous)
            console.MarkupLineInterpolated($"Practice point from last time ({previous.SessionId}): {previous.PracticePoint}");
        if (answer.Record is not { } record)
        {
            console.MarkupLine("No terugkijkgesprek recorded yet.");
            return;
        }
        var table = new Table().AddColumns("clip", "the parent saw");
        foreach (var clip in record.Clips) table.AddRow(Markup.Escape(clip.ClipId), Markup.Escape(clip.ParentSaw));
        foreach (var clip in answer.Unplaced)
            table.AddRow(Markup.Escape($"{clip.ClipId} (earlier reel, {clip.RecordingAt.ToString("0.00", CultureInfo.InvariantCulture)} s)"), Markup.Escape(clip.ParentSaw));
        console.Write(table);
        console.MarkupLineInterpolated($"Practice point for next time: {record.PracticePoint ?? "-"}");
        console.MarkupLineInterpolated($"Recorded {record.At.ToLocalTime():yyyy-MM-dd HH:mm}.");
    }
}
