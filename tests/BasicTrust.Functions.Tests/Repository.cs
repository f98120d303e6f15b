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

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BasicTrust.Functions.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("BasicTrust.Functions.sln not found above the test folder.");
    }
}
