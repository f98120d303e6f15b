using System.Text.Json.Nodes;

namespace BasicTrust.DevHost.App;

/// <summary>
/// <c>worker.config.json</c>, written by the Worker SDK into every isolated app's output: how to start the worker
/// (<c>dotnet App.dll</c>) and whether it indexes its own functions. Its absence means the folder is not an
/// isolated-worker app.
/// </summary>
public sealed record WorkerConfig(string ExecutablePath, string WorkerPath, IReadOnlyList<string> Arguments, IReadOnlyList<string> WorkerArguments, bool WorkerIndexing)
{
    public const string FileName = "worker.config.json";

    public static WorkerConfig Read(string appRoot)
    {
        var path = Path.Combine(appRoot, FileName);
        if (!File.Exists(path))
            throw new InvalidDataException($"{appRoot} is not a published .NET isolated-worker app: it has no {FileName} (build or publish the app and point --app at its output folder).");
        var description = JsonNode.Parse(File.ReadAllText(path))?["description"]
            ?? throw new InvalidDataException($"{FileName} has no 'description'.");
        var executable = (string?)description["defaultExecutablePath"];
        var worker = (string?)description["defaultWorkerPath"];
        if (string.IsNullOrWhiteSpace(executable) || string.IsNullOrWhiteSpace(worker))
            throw new InvalidDataException($"{FileName}: description.defaultExecutablePath and defaultWorkerPath are required.");
        return new WorkerConfig(
            executable,
            Path.GetFullPath(Path.Combine(appRoot, worker)),
            Strings(description["arguments"]),
            Strings(description["workerArguments"]),
            !string.Equals((string?)description["workerIndexing"], "false", StringComparison.OrdinalIgnoreCase));
    }

    static string[] Strings(JsonNode? node) => node is JsonArray array ? [.. array.Select(a => (string?)a).OfType<string>()] : [];
}
