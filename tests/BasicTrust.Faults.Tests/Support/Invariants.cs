using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using BasicTrust.Functions.IndexReadyReel;
using Azure.Storage.Blobs.Models;

namespace BasicTrust.Faults.Tests.Support;

/// <summary>
/// What must hold after any fault: each session ended ready (or failed, where the test says so) with exactly one
/// reel whose listed files exist, one review index row naming the ready plan, no partial blob visible, no work folder
/// left in the workers' temp folder, and no secret in the log.
/// </summary>
public static partial class Invariants
{
    public static async Task AssertAllReadyAsync(FaultStack stack, IReadOnlyDictionary<Session, JsonNode> outcomes, string test)
    {
        var notReady = outcomes.Where(o => (string?)o.Value["state"] != "ready").Select(o => $"{o.Key.CaseId}: {o.Value.ToJsonString()}").ToList();
        Assert.True(notReady.Count == 0, $"Not ready:\n{string.Join('\n', notReady)}\n{stack.Faults}\nLog:\n{stack.Log.Last(80, skip: "Azure.Core:")}");
        foreach (var (session, status) in outcomes) await AssertOneCompleteReelAsync(stack, session, (string)status["planId"]!, (int)status["clipsTotal"]!);
        await AssertOneReviewRowPerSessionAsync(stack, outcomes);
        await AssertNothingPartialAsync(stack);
        AssertNoWorkFoldersLeft(stack);
        AssertNoSecretsLogged(stack);
        stack.Output.WriteLine($"{test}: {outcomes.Count} sessions ready, one reel and one review index row each; " +
            $"{(stack.Faults is null ? "no proxy" : stack.Faults.ToString())}; Sweep fired {stack.Sweeps} times");
    }

    static async Task AssertOneCompleteReelAsync(FaultStack stack, Session session, string planId, int clips)
    {
        var reels = stack.Blobs.GetBlobContainerClient("reels");
        var manifests = new List<string>();
        await foreach (var item in reels.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{session.CaseId}/{session.SessionId}/" }))
            if (item.Name.EndsWith("/reel.json", StringComparison.Ordinal)) manifests.Add(item.Name);
        Assert.Equal([$"{session.CaseId}/{session.SessionId}/{planId}/reel.json"], manifests);

        var reel = JsonNode.Parse((await reels.GetBlobClient(manifests[0]).DownloadContentAsync()).Value.Content.ToString())!;
        var files = new List<string> { (string)reel["reel"]!, (string)reel["captions"]! };
        foreach (var clip in reel["clips"]!.AsArray()) files.AddRange([(string)clip!["video"]!, (string)clip["still"]!]);
        Assert.True(clips > 0 && reel["clips"]!.AsArray().Count == clips, $"{manifests[0]} lists {reel["clips"]!.AsArray().Count} clips, the plan {clips}");
        foreach (var file in files) Assert.True(await ExistsAsync(stack, file, "reels"), $"{file}, listed in {manifests[0]}, does not exist");
    }

    /// <summary>A file named in reel.json: "container/name", or a name in <paramref name="defaultContainer"/>.</summary>
    static async Task<bool> ExistsAsync(FaultStack stack, string file, string defaultContainer)
    {
        var parts = file.Split('/', 2);
        var (container, name) = parts[0] is "clips" or "reels" ? (parts[0], parts[1]) : (defaultContainer, file);
        try { return (await stack.Blobs.GetBlobContainerClient(container).GetBlobClient(name).ExistsAsync()).Value; }
        catch (RequestFailedException) { return false; }
    }

    /// <summary>
    /// reels-ready is consumed by IndexReadyReel (and the sweep indexes what it missed): each session has one review
    /// index row, naming its ready plan, and the index holds nothing else.
    /// </summary>
    static async Task AssertOneReviewRowPerSessionAsync(FaultStack stack, IReadOnlyDictionary<Session, JsonNode> outcomes)
    {
        var table = new TableServiceClient(stack.Direct).GetTableClient(ReviewIndex.TableName);
        var rows = new List<ReviewEntry>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var swept = TimeSpan.Zero;
        // The message is written after AssembleReel returns, a moment after status.json says ready; when faults lose it
        // (or poison its reader), the sweep indexes the ready plan, as it would every 2 minutes in Azure.
        while (true)
        {
            rows = [.. table.Query<ReviewEntry>()];
            if (clock.Elapsed > FaultStack.Patience || outcomes.All(o => rows.Any(r => Matches(r, o.Key, (string)o.Value["planId"]!)))) break;
            if (clock.Elapsed - swept > TimeSpan.FromSeconds(10))
            {
                swept = clock.Elapsed;
                await stack.SweepAsync();
            }
            await Task.Delay(250);
        }
        foreach (var (session, status) in outcomes)
            Assert.True(rows.Count(r => Matches(r, session, (string)status["planId"]!)) == 1, $"{session.CaseId}: no review index row for its plan\n{stack.Log.Last()}");
        Assert.Equal(outcomes.Count, rows.Count);
    }

    static bool Matches(ReviewEntry row, Session session, string planId) =>
        row.PartitionKey == session.CaseId && row.RowKey == session.SessionId && row.PlanId == planId;

    static async Task AssertNothingPartialAsync(FaultStack stack)
    {
        await foreach (var container in stack.Blobs.GetBlobContainersAsync())
            await foreach (var blob in stack.Blobs.GetBlobContainerClient(container.Name).GetBlobsAsync())
                Assert.False(blob.Name.Contains(".partial", StringComparison.Ordinal), $"Partial output visible: {container.Name}/{blob.Name}");
    }

    /// <summary>The jobs' folders (a dead worker's are removed by the next worker at its start) and media temp folders.</summary>
    public static List<string?> WorkFolders(FaultStack stack)
    {
        var jobs = Path.Combine(stack.WorkerTemp, "basictrust-work");
        return [.. Directory.EnumerateFileSystemEntries(stack.WorkerTemp, "bt-*")
            .Concat(Directory.Exists(jobs) ? Directory.EnumerateFileSystemEntries(jobs) : []).Select(Path.GetFileName)];
    }

    public static void AssertNoWorkFoldersLeft(FaultStack stack)
    {
        var left = WorkFolders(stack);
        Assert.True(left.Count == 0, $"Work folders left in the workers' temp folder: {string.Join(", ", left)}");
    }

    static void AssertNoSecretsLogged(FaultStack stack)
    {
        // The SDK's own request logs show "sig=REDACTED": that is fine; a real signature, the key or a caption is not.
        var leaks = stack.Log.Lines.Where(l => UnredactedSignature().IsMatch(l) || l.Contains("AccountKey", StringComparison.Ordinal)
            || l.Contains("Eby8vdM02", StringComparison.Ordinal) || l.Contains("Moment ", StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, $"Secrets or captions in the log:\n{string.Join('\n', leaks.Take(5))}");
    }

    [GeneratedRegex("sig=(?!REDACTED)")] private static partial Regex UnredactedSignature();
}
