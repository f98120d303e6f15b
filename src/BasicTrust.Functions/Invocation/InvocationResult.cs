using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BasicTrust.Functions.Invocation;

/// <summary>
/// The handler's answer: <c>{"Outputs": {...}, "Logs": [...], "ReturnValue": null}</c>. Never empty: the host
/// waits forever on an empty 2xx body. Queue outputs are JSON objects, never bare strings (the host base64-decodes
/// strings that happen to look like base64).
/// </summary>
public sealed class InvocationResult
{
    /// <summary>Output binding name (exact case, as in function.json) → value; an array writes one queue message per element.</summary>
    [JsonPropertyName("Outputs")]
    public Dictionary<string, JsonNode?> Outputs { get; } = [];

    /// <summary>Lines the host writes to its invocation log. Keep them free of personal data.</summary>
    [JsonPropertyName("Logs")]
    public List<string> Logs { get; } = [];

    /// <summary>The value for a <c>$return</c> binding, if any.</summary>
    [JsonPropertyName("ReturnValue")]
    public JsonNode? ReturnValue { get; set; }

    /// <summary>A result with one log line and no outputs.</summary>
    public static InvocationResult Log(string line)
    {
        var result = new InvocationResult();
        result.Logs.Add(line);
        return result;
    }

    /// <summary>Adds messages for a queue output binding (one per item).</summary>
    public InvocationResult Send<T>(string binding, IEnumerable<T> messages)
    {
        Outputs[binding] = new JsonArray([.. messages.Select(m => JsonSerializer.SerializeToNode(m, Json.Options))]);
        return this;
    }
}
