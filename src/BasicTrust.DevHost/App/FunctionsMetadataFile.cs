using System.Text.Json.Nodes;

namespace BasicTrust.DevHost.App;

/// <summary>
/// <c>functions.metadata</c>, the function list the Worker SDK writes at build time: what the host reads when the
/// worker does not index its functions itself (the worker answered <c>use_default_metadata_indexing</c>, or
/// <c>worker.config.json</c> turned indexing off).
/// </summary>
public static class FunctionsMetadataFile
{
    public const string FileName = "functions.metadata";

    public static IReadOnlyList<FunctionDefinition> Read(string appRoot)
    {
        var path = Path.Combine(appRoot, FileName);
        if (!File.Exists(path)) throw new InvalidDataException($"{appRoot} has no {FileName} and the worker did not report its functions.");
        return Parse(File.ReadAllText(path));
    }

    public static IReadOnlyList<FunctionDefinition> Parse(string json) =>
        [.. (JsonNode.Parse(json) as JsonArray ?? throw new InvalidDataException($"{FileName} is not a JSON array."))
            .OfType<JsonObject>()
            .Select(f => FunctionDefinition.Create(
                // Older SDKs write no id; the host then makes its own, and the name is unique.
                (string?)f["functionId"] is { Length: > 0 } id ? id : (string)f["name"]!,
                (string?)f["name"] ?? throw new InvalidDataException($"A function in {FileName} has no name."),
                (string?)f["scriptFile"] ?? "",
                (string?)f["entryPoint"] ?? "",
                (f["bindings"] as JsonArray ?? []).Select(b => b!.ToJsonString())))];
}
