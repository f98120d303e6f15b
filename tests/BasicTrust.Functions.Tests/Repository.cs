using System.Text.Json.Nodes;

namespace BasicTrust.Testing;

/// <summary>Where this test run finds the repository and the function app it built.</summary>
public static class Repository
{
    /// <summary>The folder holding BasicTrust.Functions.sln.</summary>
    public static readonly string Root = FindRoot();

    /// <summary>
    /// src/BasicTrust.Functions/bin/{this run's configuration}/net10.0: the function app folder (host.json,
    /// functions.metadata, worker.config.json and the worker) that the DevHost runs.
    /// </summary>
    public static string AppFolder
    {
        get
        {
            var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(Root, "src", "BasicTrust.Functions", "bin", bin.Parent!.Name, bin.Name);
        }
    }

    /// <summary>
    /// A function app folder under <paramref name="parent"/> for one test stack: every entry links to this build's
    /// <see cref="AppFolder"/> but host.json, which gets test-speed queue settings (retries in seconds, not minutes) and
    /// <paramref name="edit"/>'s changes.
    /// </summary>
    public static string TestAppFolder(string parent, Action<JsonNode>? edit = null)
    {
        var built = AppFolder;
        var app = Directory.CreateDirectory(Path.Combine(parent, "app")).FullName;
        foreach (var entry in Directory.EnumerateFileSystemEntries(built).Where(e => Path.GetFileName(e) != "host.json"))
            File.CreateSymbolicLink(Path.Combine(app, Path.GetFileName(entry)), entry);
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(built, "host.json")))!;
        host["extensions"]!["queues"]!["visibilityTimeout"] = "00:00:01";
        host["extensions"]!["queues"]!["maxPollingInterval"] = "00:00:00.500";
        edit?.Invoke(host);
        File.WriteAllText(Path.Combine(app, "host.json"), host.ToJsonString());
        return app;
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BasicTrust.Functions.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("BasicTrust.Functions.sln not found above the test folder.");
    }
}
