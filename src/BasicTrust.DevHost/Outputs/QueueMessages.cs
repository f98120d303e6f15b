using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Outputs;

/// <summary>
/// What a queue output writes for a value the worker returned, as the host's collector binds it: a JSON array is one
/// message per element (a string element as its text, anything else as its JSON), bytes one message, any other
/// value one message with its text (a string as sent, even when it looks like JSON).
/// </summary>
public static class QueueMessages
{
    public static IEnumerable<string> Split(TypedData value) => value.DataCase switch
    {
        TypedData.DataOneofCase.Bytes => [Encoding.UTF8.GetString(value.Bytes.Span)],
        TypedData.DataOneofCase.Stream => [Encoding.UTF8.GetString(value.Stream.Span)],
        TypedData.DataOneofCase.CollectionString => value.CollectionString.String,
        TypedData.DataOneofCase.CollectionBytes => value.CollectionBytes.Bytes.Select(b => Encoding.UTF8.GetString(b.Span)),
        TypedData.DataOneofCase.CollectionDouble => value.CollectionDouble.Double.Select(d => d.ToString(CultureInfo.InvariantCulture)),
        TypedData.DataOneofCase.CollectionSint64 => value.CollectionSint64.Sint64.Select(n => n.ToString(CultureInfo.InvariantCulture)),
        TypedData.DataOneofCase.Int => [value.Int.ToString(CultureInfo.InvariantCulture)],
        TypedData.DataOneofCase.Double => [value.Double.ToString(CultureInfo.InvariantCulture)],
        // A string is one message even when its text looks like JSON: only values the worker serialised are split.
        TypedData.DataOneofCase.String => [value.String],
        TypedData.DataOneofCase.Json => Json(value.Json),
        _ => [],
    };

    static IEnumerable<string> Json(string text)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(text); }
        catch (JsonException) { return [text]; }
        return node switch
        {
            JsonArray array => array.Select(e => e is JsonValue v && v.TryGetValue<string>(out var s) ? s : e?.ToJsonString() ?? "null"),
            // A serialised string ("\"done\"") is the string itself.
            JsonValue v when v.TryGetValue<string>(out var s) => [s],
            _ => [text],
        };
    }
}
