using System.Globalization;

namespace BasicTrust.Functions.Pipeline;

/// <summary>
/// The local folders jobs cut and assemble in. Each is named after the worker process that made it, so when a worker
/// dies mid-cut (killed, out of memory, a timeout restart) the next worker finds its folders, stops any FFmpeg still
/// writing into them and deletes them: no partial clip and no stray FFmpeg outlive a crash.
/// </summary>
public sealed class WorkFolders(ILogger<WorkFolders> logger)
{
    /// <summary>Where every job's folder lives.</summary>
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "basictrust-work");

    /// <summary>A fresh folder for one job; the caller deletes it when the job ends.</summary>
    public static DirectoryInfo Create(string job) =>
        Directory.CreateDirectory(Path.Combine(Root, $"{Environment.ProcessId}-{job}-{Guid.NewGuid():N}"));

    /// <summary>Stops FFmpeg runs of workers that are gone and deletes their folders. Run at start-up.</summary>
    public void CleanUpLeftovers()
    {
        if (!Directory.Exists(Root)) return;
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            if (Owner(folder) is not { } owner || IsRunning(owner)) continue;
            foreach (var orphan in ProcessesWritingInto(folder)) StopQuietly(orphan);
            try
            {
                Directory.Delete(folder, recursive: true);
                logger.LogWarning("Removed the work folder of worker process {ProcessId}, which is gone", owner);
            }
            catch (IOException e)
            {
                logger.LogWarning("Could not remove a left-over work folder yet: {Reason}", e.Message);
            }
        }
    }

    static int? Owner(string folder) =>
        int.TryParse(Path.GetFileName(folder).Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;

    static bool IsRunning(int pid)
    {
        try { return !System.Diagnostics.Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>Processes whose command line names a path in <paramref name="folder"/> (an FFmpeg writing its output there).</summary>
    static IEnumerable<int> ProcessesWritingInto(string folder)
    {
        if (!Directory.Exists("/proc")) yield break; // Linux only, where the app runs; elsewhere the folder still goes
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            string commandLine;
            try { commandLine = File.ReadAllText(Path.Combine(entry, "cmdline")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            if (commandLine.Contains(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)) yield return pid;
        }
    }

    void StopQuietly(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            logger.LogWarning("Stopped process {ProcessId}, left running by a worker that is gone", pid);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It ended by itself in the meantime.
        }
    }
}
