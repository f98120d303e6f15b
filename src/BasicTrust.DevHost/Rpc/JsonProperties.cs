using System.Text.Json;

namespace BasicTrust.DevHost.Rpc;

/// <summary>
/// A trigger value that is a JSON object (a queue message's text, a blob's text) also offers its top-level properties
/// as trigger metadata, as the real host does for every string trigger value before it sends the invocation: objects
/// as json, arrays and nulls skipped, everything else as the string of its value (Newtonsoft's: <c>True</c> for true).
/// The host's binding data is case-insensitive and a property overwrites the extension's own entry of that name, so a
/// message with an <c>id</c> replaces the value of <c>Id</c> (under the key <c>Id</c>): the worker never sees two keys
/// that differ only in case, which it refuses.
/// </summary>
public static class JsonProperties
{
    public static void AddTo(IDictionary<string, TypedData> metadata, string text)
    {
        if (!text.AsSpan().Trim().StartsWith("{")) return;
        JsonDocument parsed;
        try { parsed = JsonDocument.Parse(text); }
        catch (JsonException) { return; }
        using (parsed)
        {
            if (parsed.RootElement.ValueKind != JsonValueKind.Object) return;
            foreach (var property in parsed.RootElement.EnumerateObject())
            {
                if (Value(property.Value) is not { } value) continue;
                var existing = metadata.Keys.FirstOrDefault(k => k.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
                metadata[existing ?? property.Name] = value;
            }
        }
    }

    static TypedData? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array or JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Object => new TypedData { Json = value.GetRawText() },
        JsonValueKind.String => TypedDataValues.Text(value.GetString()!),
        JsonValueKind.True => TypedDataValues.Text("True"),
        JsonValueKind.False => TypedDataValues.Text("False"),
        _ => TypedDataValues.Text(value.GetRawText()),
    };
}
