using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Azure;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Storage.Blobs;

namespace BasicTrust.Cli;

/// <summary>
/// `bt local-run`: the developer's end-to-end run against a local stack (Azurite + DevHost). Uploads a recording
/// and its manifest straight into storage with the emulator's connection string, follows status.json
/// (planned → cutting n/m → assembling → ready), downloads the results and prints a table per clip.
/// Therapists never do this: they go through the HTTP API and never hold storage keys.
/// </summary>
sealed class LocalRunCommand(BlobServiceClient storage, TextWriter output)
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    public async Task<int> RunAsync(string recordingPath, string manifestPath, string outDir, TimeSpan timeout, CancellationToken cancellationToken)
    {
        foreach (var (path, what) in new[] { (recordingPath, "recording"), (manifestPath, "manifest") })
            if (!File.Exists(path)) return Error($"no {what} at '{path}'");
        var manifestText = await File.ReadAllTextAsync(manifestPath, cancellationToken);
        JsonNode? manifest;
        try { manifest = JsonNode.Parse(manifestText); }
        catch (System.Text.Json.JsonException e) { return Error($"the manifest is not JSON: {e.Message}"); }
        var (caseId, sessionId, recording) = ((string?)manifest?["caseId"], (string?)manifest?["sessionId"], (string?)manifest?["recording"]);
        if (!Ids.IsValid(caseId) || !Ids.IsValid(sessionId)) return Error($"the manifest's caseId and sessionId must match {Ids.Rule}");
        if (string.IsNullOrEmpty(recording) || recording.Contains('/') || recording.Contains('\\')) return Error("the manifest's recording must be a plain file name");

        var clock = Stopwatch.StartNew();
        var folder = $"{caseId}/{sessionId}";
        var recordings = storage.GetBlobContainerClient("recordings");
        await recordings.CreateIfNotExistsAsync(cancellationToken);
        output.WriteLine($"Uploading {Path.GetFileName(recordingPath)} ({new FileInfo(recordingPath).Length / 1_000_000.0:0.0} MB) as {folder}/{recording}");
        await using (var file = File.OpenRead(recordingPath))
            await recordings.GetBlobClient($"{folder}/{recording}").UploadAsync(file, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "video/mp4" } }, cancellationToken);
        // The manifest's arrival starts the pipeline, so it goes last.
        await recordings.GetBlobClient($"{folder}/session.json").UploadAsync(BinaryData.FromString(manifestText),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);
        output.WriteLine($"Uploaded the manifest; following {folder}");

        var status = await FollowAsync(folder, timeout, cancellationToken);
        if (status is null) return Error($"no result within {timeout.TotalMinutes:0} minutes; see the DevHost log");
        if ((string?)status["state"] != "ready")
        {
            output.WriteLine("The session failed:");
            foreach (var problem in status["errors"]?.AsArray() ?? [])
                output.WriteLine($"  {(string?)problem?["path"]} ({(string?)problem?["rule"]}): {(string?)problem?["message"]}");
            return 1;
        }

        var planId = (string)status["planId"]!;
        var reel = await DownloadAsync(folder, planId, outDir, cancellationToken);
        PrintTable(reel);
        output.WriteLine($"Reel: {Path.Combine(outDir, "reel.mp4")} ({(double?)reel["duration"] ?? 0:0.0} s, {reel["clips"]?.AsArray().Count} clips). Total time {clock.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    /// <summary>Polls status.json and prints each new progress line; returns the final status (ready or failed), or null on timeout.</summary>
    async Task<JsonNode?> FollowAsync(string folder, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var status = storage.GetBlobContainerClient("pipeline").GetBlobClient($"{folder}/status.json");
        var deadline = Stopwatch.StartNew();
        string? last = null;
        while (deadline.Elapsed < timeout)
        {
            try
            {
                var current = JsonNode.Parse((await status.DownloadContentAsync(cancellationToken: cancellationToken)).Value.ToString());
                var progress = (string?)current?["progress"];
                if (progress != last) output.WriteLine($"  [{deadline.Elapsed.TotalSeconds,5:0.0} s] {progress}");
                last = progress;
                if ((string?)current?["state"] is "ready" or "failed") return current;
            }
            catch (RequestFailedException e) when (e.Status == 404) { }
            await Task.Delay(Poll, cancellationToken);
        }
        return null;
    }

    async Task<JsonNode> DownloadAsync(string folder, string planId, string outDir, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(outDir, "clips"));
        var reels = storage.GetBlobContainerClient("reels");
        foreach (var name in new[] { "reel.mp4", "reel.vtt", "reel.json" })
            await DownloadFileAsync(reels.GetBlobClient($"{folder}/{planId}/{name}"), Path.Combine(outDir, name), cancellationToken);
        var reel = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "reel.json"), cancellationToken))!;
        var clips = storage.GetBlobContainerClient("clips");
        foreach (var clip in reel["clips"]!.AsArray())
            foreach (var extension in new[] { "mp4", "jpg", "json" })
            {
                var clipId = (string)clip!["clipId"]!;
                await DownloadFileAsync(clips.GetBlobClient($"{folder}/{planId}/{clipId}.{extension}"), Path.Combine(outDir, "clips", $"{clipId}.{extension}"), cancellationToken);
            }
        return reel;
    }

    /// <summary>Downloads to a temporary name first: a file under its real name is always complete.</summary>
    static async Task DownloadFileAsync(BlobClient blob, string path, CancellationToken cancellationToken)
    {
        var partial = path + ".partial";
        await using (var file = File.Create(partial))
            await blob.DownloadToAsync(file, cancellationToken);
        File.Move(partial, path, overwrite: true);
    }

    void PrintTable(JsonNode reel)
    {
        output.WriteLine();
        output.WriteLine($"  {"clip",-16} {"valence",-9} {"requested in-out",-19} {"actual in-out",-19} {"frames",-8} {"length",-7} labels");
        foreach (var clip in reel["clips"]!.AsArray())
        {
            var t = clip!["timing"]!;
            output.WriteLine($"  {(string?)clip["clipId"],-16} {(string?)clip["valence"],-9} {Range(t["requestedIn"], t["requestedOut"]),-19} {Range(t["actualIn"], t["actualOut"]),-19} " +
                $"{$"{(int?)t["inOffsetFrames"]:+0;-0;0}/{(int?)t["outOffsetFrames"]:+0;-0;0}",-8} {Seconds(t["duration"]),-7} {(string?)clip["title"]}");
        }
        output.WriteLine();
    }

    static string Range(JsonNode? from, JsonNode? to) => $"{Seconds(from)}-{Seconds(to)}";
    static string Seconds(JsonNode? value) => ((double?)value ?? 0).ToString("0.00", CultureInfo.InvariantCulture);

    int Error(string message)
    {
        output.WriteLine($"error: {message}");
        return 2;
    }
}
