// Reads the worst files the API's body limit lets in (Inputs.cs), each in its own process so its peak memory is its
// own, with the managed heap capped at 1 GB so a reader that would take the machine's memory fails instead. Prints a
// Markdown table and writes it to bench/results. Run it with bench/import.sh (--before REF: the readers at REF).
using System.Diagnostics;
using System.Globalization;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
const int TimeoutSeconds = 120;

if (args is ["--input", var name])
{
    var input = Inputs.All.Single(i => i.Name == name);
    var text = input.Make();
    GC.Collect();
    File.WriteAllText("/proc/self/clear_refs", "5"); // the peak so far (making the file) is not the reader's
    var (rssBefore, allocatedBefore) = (Rss("VmRSS"), GC.GetTotalAllocatedBytes(precise: true));
    var clock = Stopwatch.StartNew();
    string outcome;
    try
    {
        outcome = $"read {input.Read(text):N0} tags";
    }
    catch (Exception e)
    {
        // Problem is the refusal's field and rule; readers before it threw bare exceptions.
        outcome = e.GetType().GetProperty("Problem")?.GetValue(e) is { } problem ? $"refused: {problem}" : $"{e.GetType().Name}: {e.Message}";
    }
    var seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine(string.Join('\t', text.Length, seconds, (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0, rssBefore >> 20, Rss("VmHWM") >> 20, outcome.ReplaceLineEndings(" ")));
    return;
}

var title = args is ["--title", var t, ..] ? t : "after";
var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
var rows = new List<string>();
foreach (var input in Inputs.All)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!, ["--input", input.Name]) { RedirectStandardOutput = true };
    start.Environment["DOTNET_GCHeapHardLimit"] = "0x40000000";
    using var child = Process.Start(start)!;
    var output = child.StandardOutput.ReadToEndAsync();
    if (!child.WaitForExit(TimeoutSeconds * 1000))
    {
        child.Kill();
        rows.Add($"| {input.Name} | | > {TimeoutSeconds} | | | | stopped after {TimeoutSeconds} s |");
        continue;
    }
    var line = (await output).Trim();
    if (child.ExitCode != 0 || line.Split('\t') is not [var chars, var s, var allocated, var before, var peak, var outcome])
    {
        rows.Add($"| {input.Name} | | | | | | crashed (exit code {child.ExitCode}): out of memory at the 1 GB heap cap |");
        continue;
    }
    rows.Add($"| {input.Name} | {int.Parse(chars) / 1024} | {double.Parse(s):0.000} | {double.Parse(allocated):0.0} | {before} | {peak} | {outcome.Replace("|", "\\|")} |");
    Console.Error.WriteLine(rows[^1]);
}

var table = $"""
    Import readers, {title}: the worst files the body limit (1 MiB) lets in ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores shared, load average {load} at the start, managed heap capped at 1 GB)

    | file | KB | read (s) | allocated (MB) | RSS before (MB) | peak RSS (MB) | outcome |
    |---|---|---|---|---|---|---|
    {string.Join("\n", rows)}

    Each file in its own process: RSS before is the process with the file in memory (a string, two bytes a character),
    peak RSS the most it held while reading; allocated is what the reader allocated in all. The read is the first call in
    a fresh process, so it includes compiling the reader.
    {string.Join("\n", Inputs.All.Select(i => $"- {i.Name}: {i.What}."))}
    """;
Console.WriteLine(table);
var results = Path.Combine(AppContext.BaseDirectory, "../../../../results");
Directory.CreateDirectory(results);
await File.WriteAllTextAsync(Path.Combine(results, title == "after" ? "import-readers.md" : "import-readers-before.md"), table + "\n");

static long Rss(string field) =>
    long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
