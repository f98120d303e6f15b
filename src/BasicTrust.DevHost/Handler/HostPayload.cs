using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BasicTrust.DevHost.Handler;

/// <summary>
/// Builds invocation bodies exactly as the Functions host serialises them (ScriptInvocationContextExtensions):
/// a string is JSON-encoded a second time, integers become strings, dates ISO-8601 strings, objects stay
/// objects, and metadata keys ending in "trigger" are dropped. The handler's decoding is tested against this.
/// </summary>
public static class HostPayload
{
    // Newtonsoft, which the host uses, escapes only what JSON requires (\" not \u0022).
    static readonly JsonSerializerOptions Newtonsoft = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A .NET string as the host puts it on the wire: <c>abc</c> becomes <c>"\"abc\""</c>.</summary>
    public static JsonNode Text(string value) => JsonValue.Create(JsonSerializer.Serialize(value, Newtonsoft))!;

    /// <summary>An integer as the host sends it: a string.</summary>
    public static JsonNode Number(long value) => JsonValue.Create(value.ToString(CultureInfo.InvariantCulture))!;

    /// <summary>A date as the host sends it.</summary>
    public static JsonNode Date(DateTimeOffset value) => JsonValue.Create(value.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))!;

    /// <summary>The body: <c>{"Data": {...}, "Metadata": {..., "sys": {...}}}</c>.</summary>
    public static JsonObject Invocation(string functionName, JsonObject data, JsonObject metadata, TimeProvider clock)
    {
        var filtered = new JsonObject();
        foreach (var (key, value) in metadata)
            if (!key.EndsWith("trigger", StringComparison.OrdinalIgnoreCase)) filtered[key] = value?.DeepClone();
        filtered["sys"] = new JsonObject
        {
            ["MethodName"] = functionName,
            ["UtcNow"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["RandGuid"] = Guid.NewGuid().ToString(),
        };
        return new JsonObject { ["Data"] = data, ["Metadata"] = filtered };
    }

    /// <summary>
    /// For a message that is a JSON object, the host also offers its top-level properties as metadata
    /// (binding expressions like <c>{videoId}</c>); strings double-encoded like every other string.
    /// </summary>
    public static void AddJsonProperties(JsonObject metadata, string text)
    {
        JsonNode? parsed;
        try { parsed = JsonNode.Parse(text); }
        catch (JsonException) { return; }
        if (parsed is not JsonObject message) return;
        foreach (var (key, value) in message)
            if (!metadata.ContainsKey(key))
                metadata[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? Text(s) : value?.DeepClone();
    }
}
