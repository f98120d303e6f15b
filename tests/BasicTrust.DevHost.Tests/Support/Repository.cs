using System.Text.Json.Nodes;

namespace BasicTrust.DevHost.Tests.Support;

/// <summary>Where the sample app's build output is, and copies of it with a different host.json.</summary>
static class Repository
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(dir.FullName, "BasicTrust.Functions.sln"))) dir = dir.Parent!;
            return dir.FullName;
        }
    }

    /// <summary>The sample app as built with this test run's configuration (bin/{Debug|Release}/net10.0).</summary>
    public static string SampleApp
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(Root, "tests", "BasicTrust.DevHost.SampleApp", "bin", configuration, "net10.0");
        }
    }

    /// <summary>A copy of the sample app whose host.json <paramref name="edit"/> changed; deleted on dispose.</summary>
    public static TemporaryFolder SampleAppWith(Action<JsonNode> edit)
    {
        var folder = new TemporaryFolder("devhost-app-");
        var copy = folder.Path;
        foreach (var file in Directory.EnumerateFiles(SampleApp, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(SampleApp, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var hostJson = Path.Combine(copy, "host.json");
        var host = JsonNode.Parse(File.ReadAllText(hostJson))!;
        edit(host);
        File.WriteAllText(hostJson, host.ToJsonString());
        return folder;
    }
}

/// <summary>A folder under the temp folder that is deleted on dispose, so tests leave nothing behind.</summary>
sealed class TemporaryFolder(string prefix) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
