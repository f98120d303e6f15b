using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using BasicTrust.Cli.Api;
using BasicTrust.Contracts;
using BasicTrust.Contracts.Documents;
using Spectre.Console;

namespace BasicTrust.Cli.Commands;

/// <summary>The reviewer's commands: the review queue, fetching a reel, marking it reviewed, and purging a case.</summary>
static class ReviewCommands
{
    public static Command Review(Func<ParseResult, ApiClient> client, IAnsiConsole console)
    {
        var until = new Option<string?>("--until") { Description = "Only reels whose next session is on or before this date (2026-12-01)." };
        var command = new Command("review", "Ready reels not yet reviewed, and those sent back to their therapist, the next session first.") { until };
        command.SetAction((r, ct) => Bt.GuardAsync(console, async () =>
        {
            using var api = client(r);
            var items = await api.ReviewsAsync(r.GetValue(until), ct);
            var table = new Table().AddColumns("next session", "case", "session", "plan", "clips", "length", "round", "waiting for");
            foreach (var i in items)
                table.AddRow(i.NextSessionAt?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) ?? "-", Markup.Escape(i.CaseId), Markup.Escape(i.SessionId),
                    Markup.Escape(i.PlanId), i.Clips.ToString(CultureInfo.InvariantCulture),
                    TimeSpan.FromSeconds(i.Duration).ToString(@"m\:ss", CultureInfo.InvariantCulture),
                    i.Round.ToString(CultureInfo.InvariantCulture), i.SentBack ? "therapist" : "reviewer");
            console.Write(table);
            console.MarkupLineInterpolated($"{items.Count(i => !i.SentBack)} reel(s) to review, {items.Count(i => i.SentBack)} sent back to the therapist.");
            return 0;
        }));
        return command;
    }

    public static Command Fetch(Func<ParseResult, ApiClient> client, IAnsiConsole console)
    {
        var (caseId, sessionId) = (new Argument<string>("case"), new Argument<string>("session"));
        var output = new Option<DirectoryInfo>("--out") { Required = true, Description = "Folder for reel.mp4, reel.vtt, reel.json and clips/." };
        var command = new Command("fetch", "Download a ready reel, its captions, clips and stills through short-lived read links.") { caseId, sessionId, output };
        command.SetAction((r, ct) => Bt.GuardAsync(console, async () =>
        {
            using var api = client(r);
            var reel = await api.ReelAsync(r.GetValue(caseId)!, r.GetValue(sessionId)!, ct);
            var folder = r.GetValue(output)!;
            Directory.CreateDirectory(Path.Combine(folder.FullName, "clips"));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "reel.json"), JsonSerializer.Serialize(reel.Reel, Json.Options), ct);
            var files = new List<(Uri Link, string Path)> { (reel.Links.Reel, "reel.mp4"), (reel.Links.Captions, "reel.vtt") };
            foreach (var clip in reel.Links.Clips)
            {
                files.Add((clip.Video, Path.Combine("clips", clip.ClipId + ".mp4")));
                files.Add((clip.Still, Path.Combine("clips", clip.ClipId + ".jpg")));
            }
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
            await console.Progress().StartAsync(async progress =>
            {
                foreach (var (link, path) in files)
                {
                    var task = progress.AddTask(Markup.Escape(path));
                    await DownloadAsync(http, link, Path.Combine(folder.FullName, path), task, ct);
                }
            });
            console.Write(ClipTable(reel.Reel));
            console.MarkupLineInterpolated($"Fetched {files.Count} files into {folder.FullName}: the reel ({reel.Reel.Duration:0.0} s), its captions, and each clip with its still.");
            return 0;
        }));
        return command;
    }

    public static Command Reviewed(Func<ParseResult, ApiClient> client, IAnsiConsole console)
    {
        var (caseId, sessionId) = (new Argument<string>("case"), new Argument<string>("session"));
        var command = new Command("reviewed", "Mark a reel reviewed: it leaves the review queue.") { caseId, sessionId };
        command.SetAction((r, ct) => Bt.GuardAsync(console, async () =>
        {
            using var api = client(r);
            await api.ReviewedAsync(r.GetValue(caseId)!, r.GetValue(sessionId)!, ct);
            console.MarkupLineInterpolated($"Marked {r.GetValue(caseId)}/{r.GetValue(sessionId)} reviewed.");
            return 0;
        }));
        return command;
    }

    public static Command Comment(Func<ParseResult, ApiClient> client, IAnsiConsole console)
    {
        var (caseId, sessionId, clipId, text) = (new Argument<string>("case"), new Argument<string>("session"), new Argument<string>("clip"), new Argument<string>("text"));
        var at = new Option<double?>("--at") { Description = "Pin the comment to this moment: seconds into the clip (the therapist sees it at that recording time)." };
        var command = new Command("comment", "Comment on one clip of a reel; the therapist reads it with the reel and in the editor.") { caseId, sessionId, clipId, text, at };
        command.SetAction((r, ct) => Bt.GuardAsync(console, async () =>
        {
            using var api = client(r);
            var round = await api.CommentAsync(r.GetValue(caseId)!, r.GetValue(sessionId)!, r.GetValue(clipId)!, r.GetValue(text)!, r.GetValue(at), ct);
            console.MarkupLineInterpolated($"Round {round.Number} of the review has {round.Comments.Count} comment(s).");
            return 0;
        }));
        return command;
    }

    /// <summary>`bt approve` and `bt send-back`: the reviewer's verdict; either takes the reel off the queue.</summary>
    public static Command Decide(ReviewDecision decision, Func<ParseResult, ApiClient> client, IAnsiConsole console)
    {
        var (caseId, sessionId) = (new Argument<string>("case"), new Argument<string>("session"));
        var command = new Command(Json.Name(decision),
            decision == ReviewDecision.Approve ? "Approve a reel for the feedback session." : "Send a reel back to the therapist with your comments.") { caseId, sessionId };
        command.SetAction((r, ct) => Bt.GuardAsync(console, async () =>
        {
            using var api = client(r);
            await api.DecideAsync(r.GetValue(caseId)!, r.GetValue(sessionId)!, decision, ct);
            console.MarkupLineInterpolated($"{r.GetValue(caseId)}/{r.GetValue(sessionId)}: {Json.Name(decision)}; it left the review queue.");
            return 0;
        }));
        return command;
    }

    public static Command Purge(Func<ParseResult, ApiClient> client, IAnsiConsole console)
    {
        var caseId = new Argument<string>("case");
        var yes = new Option<bool>("--yes") { Description = "Confirm: everything of the case is deleted." };
        var command = new Command("purge", "Consent withdrawn: delete every recording, clip, reel and trace of a case.") { caseId, yes };
        command.SetAction((r, ct) => Bt.GuardAsync(console, async () =>
        {
            if (!r.GetValue(yes))
            {
                console.MarkupLine("[red]error:[/] purging deletes everything of the case for good; add --yes to confirm.");
                return 2;
            }
            using var api = client(r);
            var result = await api.PurgeAsync(r.GetValue(caseId)!, ct);
            if (result.PurgedBefore is { } before)
                console.MarkupLineInterpolated($"{r.GetValue(caseId)} was already purged on {before.ToLocalTime():yyyy-MM-dd HH:mm}; this time {result.Removed.Blobs} blobs, {result.Removed.Messages} queue messages were left to remove.");
            else
                console.MarkupLineInterpolated($"Purged {r.GetValue(caseId)}: {result.Removed.Blobs} blobs, {result.Removed.Messages} queue messages.");
            return 0;
        }));
        return command;
    }

    /// <summary>Per clip: labels, valence, requested against actual in/out (seconds) and how many frames they differ.</summary>
    static Table ClipTable(ReelDocument reel)
    {
        var table = new Table().AddColumns("clip", "valence", "requested", "actual", "frames", "length", "labels");
        foreach (var clip in reel.Clips)
        {
            var t = clip.Timing;
            static string S(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture);
            table.AddRow(Markup.Escape(clip.ClipId), Json.Name(clip.Valence),
                $"{S(t.RequestedIn)}-{S(t.RequestedOut)}", $"{S(t.ActualIn)}-{S(t.ActualOut)}",
                string.Create(CultureInfo.InvariantCulture, $"{t.InOffsetFrames:+0;-0;0}/{t.OutOffsetFrames:+0;-0;0}"), S(t.Duration),
                Markup.Escape(clip.Title));
        }
        return table;
    }

    /// <summary>A plain GET of a read link, to a temporary name first: a file under its real name is complete.</summary>
    static async Task DownloadAsync(HttpClient http, Uri link, string path, ProgressTask task, CancellationToken ct)
    {
        using var response = await http.GetAsync(link, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode) throw new IOException($"Downloading {Path.GetFileName(path)} failed ({(int)response.StatusCode}); the link may have expired, fetch again.");
        task.MaxValue = response.Content.Headers.ContentLength ?? 1;
        var partial = path + ".partial";
        await using (var body = await response.Content.ReadAsStreamAsync(ct))
        await using (var file = File.Create(partial))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
                task.Increment(read);
            }
        }
        File.Move(partial, path, overwrite: true);
        task.Value = task.MaxValue;
    }
}
