using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using BasicTrust.DevHost;
using BasicTrust.Testing;

namespace BasicTrust.Media.Bench;

/// <summary>
/// The second round: one session of 8 tags (10 s each, precise at the source's size), run by one DevHost on one
/// storage; round 1 from the manifest's upload to <c>ready</c>, then round 2 after one of the 8 moments moved by 3 s,
/// from the edited manifest's upload to the new plan's <c>ready</c>. Each repeat is a new case. Round 2 counts the
/// clips whose document says they were copied (<c>reusedFrom</c>) rather than cut.
/// </summary>
static class Rounds
{
    public static async Task<string> RunAsync(string connection, string app, Source source, string recording, int repeats)
    {
        var blobs = new BlobServiceClient(connection, BasicTrust.Storage.StorageClientDefaults.Blobs());
        var staging = blobs.GetBlobContainerClient("bench-rounds-" + Guid.NewGuid().ToString("N")[..8]);
        await staging.CreateAsync();
        await using var host = await LocalFunctionsHost.StartAsync(ScaleOut.Options(app, connection), LoggerFactory.Create(_ => { }));
        try
        {
            var original = staging.GetBlobClient("recording.mp4");
            await using (var file = File.OpenRead(recording)) await original.UploadAsync(file);
            var rows = new List<(double First, double Second, int Reused, int Clips, string Load)>();
            for (var i = 0; i < repeats; i++)
                rows.Add(await SessionAsync(host, blobs, original, source));
            static double Median(IEnumerable<double> values) => values.Order().ToList() is var v ? (v[(v.Count - 1) / 2] + v[v.Count / 2]) / 2 : 0;
            var (first, second) = (rows.Select(r => r.First).ToList(), rows.Select(r => r.Second).ToList());
            var lines = rows.Select((r, i) => string.Create(CultureInfo.InvariantCulture,
                $"| {i + 1} | {r.First:0.0} | {r.Second:0.0} | {r.Second / r.First:0.00}× | {r.Reused} of {r.Clips} | {r.Load} |"));
            return string.Create(CultureInfo.InvariantCulture, $"""
                | repeat | round 1 (s) | round 2, 1 of 8 moved (s) | round 2 / round 1 | clips copied in round 2 | load before→after |
                |---|---|---|---|---|---|
                {string.Join("\n", lines)}

                Round 1: min {first.Min():0.0} s, median {Median(first):0.0} s. Round 2: min {second.Min():0.0} s, median {Median(second):0.0} s.
                Round 2 / round 1 on the medians: {Median(second) / Median(first):0.00}× (goal ≤ 0.25×); on the minimums: {second.Min() / first.Min():0.00}×.
                """);
        }
        finally
        {
            await staging.DeleteIfExistsAsync();
        }
    }

    static async Task<(double, double, int, int, string)> SessionAsync(LocalFunctionsHost host, BlobServiceClient blobs, BlobClient original, Source source)
    {
        var caseId = $"rounds-{Guid.NewGuid():N}"[..24];
        await BenchCases.CreateAsync(host, caseId);
        var recordings = blobs.GetBlobContainerClient("recordings");
        await recordings.CreateIfNotExistsAsync();
        var copy = await recordings.GetBlobClient($"{caseId}/s-1/recording.mp4").StartCopyFromUriAsync(original.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(1)));
        await copy.WaitForCompletionAsync();
        var tags = Clips.Spread(8, source.Length);
        var load = Load();
        Console.Error.WriteLine($"rounds: {caseId} round 1");
        var (first, firstPlan) = await RoundAsync(blobs, caseId, tags, null);
        tags[3] = (tags[3].In + TimeSpan.FromSeconds(3), tags[3].Out + TimeSpan.FromSeconds(3));
        Console.Error.WriteLine($"rounds: {caseId} round 2");
        var (second, secondPlan) = await RoundAsync(blobs, caseId, tags, firstPlan);
        var reused = 0;
        var clips = 0;
        await foreach (var blob in blobs.GetBlobContainerClient("clips").GetBlobsAsync(new GetBlobsOptions { Prefix = $"{caseId}/s-1/{secondPlan}/" }))
        {
            if (!blob.Name.EndsWith(".json", StringComparison.Ordinal)) continue;
            clips++;
            var document = JsonNode.Parse((await blobs.GetBlobContainerClient("clips").GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString())!;
            if (document["reusedFrom"] is not null) reused++;
        }
        return (first, second, reused, clips, $"{load}→{Load()}");
    }

    /// <summary>Uploads the manifest and waits for a ready plan other than <paramref name="previous"/>: the seconds it took and its plan id.</summary>
    static async Task<(double Seconds, string PlanId)> RoundAsync(BlobServiceClient blobs, string caseId, (TimeSpan In, TimeSpan Out)[] tags, string? previous)
    {
        var clock = Stopwatch.StartNew();
        await blobs.GetBlobContainerClient("recordings").GetBlobClient($"{caseId}/s-1/session.json").UploadAsync(BinaryData.FromString(Manifest(caseId, tags)), overwrite: true);
        var status = blobs.GetBlobContainerClient("pipeline").GetBlobClient($"{caseId}/s-1/status.json");
        while (true)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(30)) throw new TimeoutException($"{caseId} did not get ready");
            await Task.Delay(100);
            if (!await status.ExistsAsync()) continue;
            var state = JsonNode.Parse((await status.DownloadContentAsync()).Value.Content.ToString())!;
            if ((string?)state["state"] == "failed" && ((string?)state["planId"] is null || (string?)state["planId"] != previous)) throw new InvalidOperationException($"{caseId} failed: {state.ToJsonString()}");
            if ((string?)state["state"] == "ready" && (string?)state["planId"] is { } planId && planId != previous) return (clock.Elapsed.TotalSeconds, planId);
        }
    }

    static string Manifest(string caseId, (TimeSpan In, TimeSpan Out)[] tags) => new JsonObject
    {
        ["schema"] = "basictrust.session/v1", ["caseId"] = caseId, ["sessionId"] = "s-1", ["method"] = "basic-trust", ["recording"] = "recording.mp4",
        ["onRecording"] = new JsonArray([.. TestFamily.OnRecording.Select(id => (JsonNode)id)]),
        ["tags"] = new JsonArray([.. tags.Select((r, i) => (JsonNode)new JsonObject
        {
            ["id"] = $"t{i + 1}", ["start"] = r.In.TotalSeconds, ["end"] = r.Out.TotalSeconds, ["label"] = "benoemen",
        })]),
        ["reel"] = new JsonObject { ["preRoll"] = 0, ["postRoll"] = 0, ["maxSeconds"] = 600 },
    }.ToJsonString();

    static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
