using System.Text.Json.Nodes;
using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using BasicTrust.Cli.Api;
using BasicTrust.Contracts;
using BasicTrust.Contracts.Documents;
using BasicTrust.Highlights.Import;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using BasicTrust.Storage;
using Spectre.Console;

namespace BasicTrust.Cli.Commands;

/// <summary>The therapist's commands: upload a recording, push the tags, follow the session.</summary>
static class SessionCommands
{
    static Option<string> Case() => new("--case") { Description = "The case id.", Required = true };
    static Option<string> Session() => new("--session") { Description = "The session id.", Required = true };

    public static Command Upload(Func<ParseResult, ApiClient> client, IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "The recording." };
        var (caseId, sessionId) = (Case(), Session());
        var name = new Option<string?>("--as") { Description = "The name to store it under (the manifest's \"recording\"); default: the file's name." };
        var command = new Command("upload", "Upload a recording in blocks through a short-lived write-only link; re-running continues an interrupted upload.") { file, caseId, sessionId, name };
        command.SetAction((r, ct) => Bt.GuardAsync(console, async () =>
        {
            var recording = r.GetValue(file)!;
            if (!recording.Exists) throw new IOException($"No file at '{recording.FullName}'.");
            using var api = client(r);
            var (c, s) = (r.GetValue(caseId)!, r.GetValue(sessionId)!);
            var journal = Journal(c, s, recording);
            for (var attempt = 1; ; attempt++)
            {
                var link = await api.UploadLinkAsync(c, s, r.GetValue(name) ?? recording.Name, recording.Length, ct);
                try
                {
                    var sent = await UploadAsync(console, link.UploadUrl, recording, journal, ct);
                    if (sent != recording.Length) throw new IOException($"Uploaded {sent} bytes of {recording.Length}; run the command again.");
                    console.MarkupLineInterpolated($"Uploaded {recording.Name} ({recording.Length / 1e6:0.0} MB) as {link.Blob}.");
                    return 0;
                }
                // The storage discarded the blocks an old run staged (after a week): start again without the journal.
                catch (RequestFailedException e) when (e.Status == 400 && attempt == 1)
                {
                    File.Delete(journal);
                }
                // The link ran out during a long upload: ask for a fresh one and go on from the blocks already sent.
                catch (RequestFailedException e) when (e.Status == 403 && e.ErrorCode == "AuthenticationFailed" && attempt < 10)
                {
                    console.MarkupLine("The upload link expired; continuing with a fresh one.");
                }
            }
        }));
        return command;
    }

    /// <summary>Uploads with a progress bar; returns how much of the file was read and committed.</summary>
    static async Task<long> UploadAsync(IAnsiConsole console, Uri link, FileInfo recording, string journal, CancellationToken ct)
    {
        long sent = 0;
        await console.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask(Markup.Escape(recording.Name), maxValue: recording.Length);
            await using var stream = recording.OpenRead();
            var blob = new BlockBlobClient(link, StorageClientDefaults.Blobs());
            await new ResumableUpload(blob, new ResumableUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "video/mp4" },
                JournalPath = journal,
                Progress = new BarProgress(task),
            }).UploadAsync(stream, ct);
            sent = stream.Position;
            task.Value = recording.Length;
        });
        return sent;
    }

    /// <summary>Moves the bar as blocks are staged (synchronously: <c>Progress&lt;T&gt;</c> would report late).</summary>
    sealed class BarProgress(ProgressTask task) : IProgress<long>
    {
        public void Report(long value) { lock (task) task.Value = Math.Max(task.Value, value); }
    }

    /// <summary>Where this machine notes the blocks it staged for one file of one session (a write-only link cannot list them).</summary>
    internal static string Journal(string caseId, string sessionId, FileInfo file)
    {
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "bt", "uploads");
        Directory.CreateDirectory(folder);
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{caseId}/{sessionId}/{file.FullName}/{file.Length}/{file.LastWriteTimeUtc:O}")))[..16];
        return Path.Combine(folder, id + ".journal");
    }

    public static Command Manifest(Func<ParseResult, ApiClient> client, IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "A manifest (.json), a CSV (start,end,label,valence,note,caption), an ELAN file (.eaf) or a BORIS events export (.csv/.tsv)." };
        var method = new Option<string>("--method") { DefaultValueFactory = _ => "basic-trust" };
        var caseId = new Option<string?>("--case");
        var sessionId = new Option<string?>("--session");
        var recording = new Option<string?>("--recording") { Description = "The uploaded recording's file name." };
        var tier = new Option<string?>("--tier") { Description = "ELAN: only this tier." };
        var label = new Option<string?>("--label") { Description = "ELAN: this label for every annotation, whose value becomes its note (default: the value is the label)." };
        var next = new Option<string?>("--next-session") { Description = "When the next feedback session is: 2026-11-27 10:00 (this computer's time zone) or 2026-11-27T10:00:00+01:00." };
        var on = new Option<string?>("--on")
        {
            Description = "Who is visible or audible on the recording: the case's people by id, comma-separated (iemand-anders for anyone else), e.g. moeder,kind. Consent is checked for each.",
        };
        var push = new Command("push", "Send the tags; the API validates them and starts the pipeline.") { file, method, caseId, sessionId, recording, tier, label, next, on };
        push.SetAction((r, ct) => Bt.GuardAsync(console, async () =>
        {
            var input = r.GetValue(file)!;
            if (!input.Exists) throw new IOException($"No file at '{input.FullName}'.");
            var text = await File.ReadAllTextAsync(input.FullName, ct);
            var nextSession = r.GetValue(next) is { } when ? NextSession.Parse(when, TimeZoneInfo.Local) : (DateTimeOffset?)null;
            string manifest, c, s;
            if (input.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
            {
                var ids = ManifestIds.Read(text);
                (c, s) = (r.GetValue(caseId) ?? ids.CaseId ?? "", r.GetValue(sessionId) ?? ids.SessionId ?? "");
                manifest = nextSession is { } at ? NextSession.Into(text, at) : text;
            }
            else
            {
                (c, s) = (Needed(r.GetValue(caseId), "--case"), Needed(r.GetValue(sessionId), "--session"));
                var tags = input.Extension.ToLowerInvariant() switch
                {
                    ".eaf" => ElanTags.Read(text, r.GetValue(tier), r.GetValue(label)),
                    ".tsv" => BorisTags.Read(text),
                    _ when text.Contains("Behavior", StringComparison.Ordinal) && text.Contains("Status", StringComparison.Ordinal) => BorisTags.Read(text),
                    _ => CsvTags.Read(text),
                };
                manifest = ManifestBuilder.Build(r.GetValue(method)!, c, s, Needed(r.GetValue(recording), "--recording"), tags, nextSession);
            }
            if (r.GetValue(on) is { } people) manifest = OnRecording(manifest, people);
            using var api = client(r);
            var accepted = await api.PutManifestAsync(c, s, manifest, ct);
            foreach (var warning in accepted.Warnings)
                console.MarkupLineInterpolated($"[yellow]warning:[/] {warning.Path}: {warning.Message}");
            console.MarkupLineInterpolated($"Accepted; follow it with: bt status {c} {s} --watch");
            return 0;
        }));
        return new Command("manifest", "Session manifests.") { push, ManifestExport.Command(client, console) };
    }

    public static Command Status(Func<ParseResult, ApiClient> client, IAnsiConsole console)
    {
        var (caseId, sessionId) = (new Argument<string>("case"), new Argument<string>("session"));
        var watch = new Option<bool>("--watch") { Description = "Follow until the reel is ready or the session failed." };
        var command = new Command("status", "A session's state (planned, cutting n/m, assembling, ready or failed) and the plan's warnings.") { caseId, sessionId, watch };
        command.SetAction((r, ct) => Bt.GuardAsync(console, async () =>
        {
            using var api = client(r);
            string? last = null;
            while (true)
            {
                SessionStatus? status = null;
                try
                {
                    status = await api.StatusAsync(r.GetValue(caseId)!, r.GetValue(sessionId)!, ct);
                }
                // Just after a manifest is sent the pipeline may not have picked it up yet.
                catch (ApiException e) when (e.Status == System.Net.HttpStatusCode.NotFound && r.GetValue(watch))
                {
                }
                var progress = status?.Progress ?? "received, waiting for the pipeline";
                if (progress != last)
                {
                    console.MarkupLineInterpolated($"{DateTime.Now:HH:mm:ss} {progress}");
                    // Once per state, so a watch does not repeat them every second.
                    foreach (var w in status?.Warnings ?? [])
                        console.MarkupLineInterpolated($"  [yellow]warning[/] {w.Path}: {w.Message}");
                }
                last = progress;
                if (status?.State == SessionState.Failed)
                {
                    var table = new Table().AddColumns("field", "rule", "problem");
                    foreach (var e in status.Errors)
                        table.AddRow(Markup.Escape(e.Path), Markup.Escape(e.Rule), Markup.Escape(e.Message));
                    console.Write(table);
                    return 1;
                }
                if (!r.GetValue(watch) || status?.State == SessionState.Ready) return 0;
                await Task.Delay(1000, ct);
            }
        }));
        return command;
    }

    /// <summary>The session a JSON manifest names; the API validates the rest (and says every problem at once).</summary>
    sealed record ManifestIds(string? CaseId, string? SessionId)
    {
        public static ManifestIds Read(string text)
        {
            try { return JsonSerializer.Deserialize<ManifestIds>(text, Json.Options) ?? throw new FormatException("The manifest is empty."); }
            catch (JsonException e) { throw new FormatException($"The manifest is not a JSON object with a caseId and a sessionId ({e.Message})."); }
        }
    }

    static string Needed(string? value, string option) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"{option} is needed to build a manifest from this file.") : value;

    /// <summary>The manifest with its <c>onRecording</c> set from <c>--on moeder,kind</c> (the rest as it was).</summary>
    public static string OnRecording(string manifest, string people)
    {
        var node = JsonNode.Parse(manifest) as JsonObject ?? throw new FormatException("The manifest is not a JSON object.");
        node["onRecording"] = new JsonArray([.. people.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(id => (JsonNode)id)]);
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }
}
