using System.Text.Json;
using System.Text.Json.Nodes;

namespace BasicTrust.DevHost.Rpc;

/// <summary>
/// A message that is a JSON object also offers its top-level properties as trigger metadata (the real host's
/// Utility.ApplyBindingData), so <c>{caseId}</c> binding expressions and parameters can use them: objects as json,
/// arrays skipped, everything else as the string of its value.
/// </summary>
public static class JsonProperties
{
    public static void AddTo(IDictionary<string, TypedData> metadata, string text)
    {
        JsonNode? parsed;
        try { parsed = JsonNode.Parse(text); }
        catch (JsonException) { return; }
        if (parsed is not JsonObject message) return;
        foreach (var (key, value) in message)
        {
            if (value is null or JsonArray || metadata.ContainsKey(key)) continue;
            metadata[key] = value is JsonObject
                ? new TypedData { Json = value.ToJsonString() }
                : TypedDataValues.Text(value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString());
        }
    }
}
