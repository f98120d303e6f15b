using System.Text.Json.Nodes;

namespace BasicTrust.DevHost.App;

/// <summary>One binding from function.json.</summary>
public sealed record Binding(string Type, string Direction, string Name, JsonObject Properties)
{
    public string? this[string property] => (string?)Properties[property];
    /// <summary>The app setting holding the connection; the host's own storage when empty.</summary>
    public string Connection => string.IsNullOrEmpty(this["connection"]) ? "AzureWebJobsStorage" : this["connection"]!;
}

/// <summary>A function: its folder name, its trigger and its output bindings.</summary>
public sealed record FunctionDefinition(string Name, Binding Trigger, IReadOnlyList<Binding> Outputs)
{
    /// <summary>Every <c>*/function.json</c> under the app root; the folder name is the function name.</summary>
    public static IReadOnlyList<FunctionDefinition> ReadAll(string appRoot) =>
        [.. Directory.GetDirectories(appRoot).Order(StringComparer.Ordinal)
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .Select(d => Read(Path.GetFileName(d), File.ReadAllText(Path.Combine(d, "function.json"))))];

    public static FunctionDefinition Read(string name, string json)
    {
        var bindings = (JsonNode.Parse(json)?["bindings"]?.AsArray() ?? throw new InvalidDataException($"{name}/function.json has no bindings."))
            .Select(b => b!.AsObject())
            .Select(b => new Binding((string?)b["type"] ?? "", (string?)b["direction"] ?? "", (string?)b["name"] ?? "", b))
            .ToList();
        var triggers = bindings.Where(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase)).ToList();
        if (triggers.Count != 1) throw new InvalidDataException($"{name}/function.json must have exactly one trigger, found {triggers.Count}.");
        return new FunctionDefinition(name, triggers[0], [.. bindings.Where(b => b.Direction == "out")]);
    }
}
