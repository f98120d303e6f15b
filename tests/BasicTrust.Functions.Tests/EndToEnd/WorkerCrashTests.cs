using System.Diagnostics;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Tests.EndToEnd;

/// <summary>The worker process dies in the middle of a cut: the DevHost restarts it, the message is retried, one reel results.</summary>
[Collection("pipeline")]
public class WorkerCrashTests(PipelineFixture stack)
{
    [Fact]
    public async Task WorkerKilledDuringACut_IsRestartedAndTheRetryGivesExactlyOneReel()
    {
        var caseId = $"crash-{Guid.NewGuid():N}"[..20];
        var recording = Path.Combine(stack.Folder, $"{caseId}.mp4");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=40", "-f", "lavfi", "-i", "sine=duration=40",
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart", recording);
        var worker = stack.Host.WorkerProcessId;

        await stack.UploadAsync(caseId, "s-1", PipelineFixture.Manifest(caseId, "s-1", (1, 34, "benoemen"), (37, 39, "spiegelen")), recording);
        var ffmpeg = await WaitForCutAsync(worker);
        Process.GetProcessById(worker).Kill(); // the worker only: its FFmpeg is orphaned, as in a real crash
        Assert.NotEmpty(Directory.EnumerateDirectories(WorkFolders.Root, $"{worker}-*")); // the cut it left half done

        // The next worker, before its first job, stops the orphaned FFmpeg (which would otherwise run on for many
        // seconds) and removes the dead worker's work folder with its partial clip.
        await EventuallyAsync(() => stack.Host.WorkerProcessId is not 0 && stack.Host.WorkerProcessId != worker, PipelineFixture.Patience);
        await EventuallyAsync(() => !IsRunning(ffmpeg) && !Directory.EnumerateDirectories(WorkFolders.Root, $"{worker}-*").Any(), TimeSpan.FromSeconds(5));

        var status = await stack.WaitForStateAsync(caseId, "s-1", "ready");
        var planId = (string)status["planId"]!;
        Assert.NotEqual(worker, stack.Host.WorkerProcessId);
        Assert.Single(await stack.BlobsAsync("reels", $"{caseId}/s-1/{planId}/reel.json"));
        await stack.WaitForReviewRowAsync(caseId, "s-1", planId);
        Assert.Equal(2, (await stack.BlobsAsync("clips", $"{caseId}/s-1/{planId}/")).Count(b => b.Name.EndsWith(".mp4", StringComparison.Ordinal)));
    }

    static async Task EventuallyAsync(Func<bool> condition, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > patience) throw new TimeoutException("The condition did not hold in time.");
            await Task.Delay(50);
        }
    }

    static bool IsRunning(int pid)
    {
        try { return (File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2]) is not "Z"; }
        catch (IOException) { return false; }
    }

    /// <summary>
    /// Polls /proc for an FFmpeg child of <paramref name="parent"/> writing into a work folder: a clip being cut (planning
    /// runs FFmpeg too, for the smart-cut trial, in no work folder); returns its pid.
    /// </summary>
    static async Task<int> WaitForCutAsync(int parent)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < PipelineFixture.Patience)
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{parent}/task"))
                foreach (var child in (await ReadAsync(Path.Combine(task, "children"))).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    if ((await ReadAsync($"/proc/{child}/comm")).Trim() == "ffmpeg" && (await ReadAsync($"/proc/{child}/cmdline")).Contains(WorkFolders.Root, StringComparison.Ordinal))
                        return int.Parse(child, System.Globalization.CultureInfo.InvariantCulture);
            await Task.Delay(10);
        }
        throw new TimeoutException($"No FFmpeg of {parent} cut a clip.");
    }

    static async Task<string> ReadAsync(string path)
    {
        try { return await File.ReadAllTextAsync(path); }
        catch (IOException) { return ""; }
    }
}
