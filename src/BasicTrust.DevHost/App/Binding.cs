using System.Text.Json.Nodes;

namespace BasicTrust.DevHost.App;

/// <summary>
/// One binding as the worker reports it (a raw binding: <c>{"name":"job","type":"queueTrigger","direction":"In",
/// "queueName":"clip-jobs","connection":"PipelineStorage"}</c>), the same object <c>functions.metadata</c> holds.
/// </summary>
public sealed record Binding(string Name, string Type, string Direction, JsonObject Properties)
{
    public const string DefaultConnection = "AzureWebJobsStorage";

    public string? this[string property] => Properties[property] is JsonValue value ? value.ToString() : null;

    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);
    public bool IsOutput => !Direction.Equals("in", StringComparison.OrdinalIgnoreCase);

    /// <summary>The app setting holding the connection; the host's own storage when none is given.</summary>
    public string Connection => string.IsNullOrEmpty(this["connection"]) ? DefaultConnection : this["connection"]!;

    /// <summary><c>dataType</c>: how the host passes a content value (<c>binary</c>, <c>stream</c>, <c>string</c>; none is string).</summary>
    public bool IsBinary => this["dataType"] is { } type && (type.Equals("binary", StringComparison.OrdinalIgnoreCase) || type.Equals("stream", StringComparison.OrdinalIgnoreCase));

    /// <summary>A blob trigger with <c>source: EventGrid</c>: run on the events of an Event Grid subscription, not by container scans.</summary>
    public bool FromEventGrid => string.Equals(this["source"], "EventGrid", StringComparison.OrdinalIgnoreCase);

    /// <summary>SDK-type parameters (BlobClient, ...): the host may send a reference (see <see cref="FunctionDefinition.SendsReference"/>).</summary>
    public bool SupportsDeferredBinding =>
        string.Equals((string?)Properties["properties"]?["supportsDeferredBinding"], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A copy with <c>%setting%</c> resolved in every top-level string property.</summary>
    public Binding WithSettings(IReadOnlyDictionary<string, string> settings)
    {
        var properties = Properties.DeepClone().AsObject();
        foreach (var (key, value) in Properties)
            if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.Contains('%'))
                properties[key] = SettingExpression.Resolve(text, settings);
        return this with { Properties = properties };
    }

    public static Binding Parse(string json)
    {
        var node = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("A raw binding is not a JSON object.");
        return new Binding((string?)node["name"] ?? "", (string?)node["type"] ?? "", (string?)node["direction"] ?? "In", node);
    }
}
