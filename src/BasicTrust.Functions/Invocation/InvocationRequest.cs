using System.Globalization;
using System.Text.Json;

namespace BasicTrust.Functions.Invocation;

/// <summary>
/// One invocation from the Functions host: <c>{"Data": {binding: value}, "Metadata": {key: value}}</c>.
/// Values are read the way the real host sends them, not the way its docs show them: strings arrive
/// JSON-encoded a second time (<c>"\"abc\""</c>), numbers as strings (<c>"1"</c>), and keys ending in
/// "trigger" are dropped, so nothing here relies on them.
/// </summary>
public sealed class InvocationRequest(JsonElement data, JsonElement metadata)
{
    /// <summary>Reads the host's JSON body. Throws <see cref="InvalidInvocationException"/> when it is not an invocation.</summary>
    public static InvocationRequest Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) throw new InvalidInvocationException("The invocation body must be a JSON object.");
        return new InvocationRequest(Property(body, "Data"), Property(body, "Metadata"));
    }

    /// <summary>An input binding's value as text (the queue message, the blob's content), with the host's extra encoding peeled off.</summary>
    public string DataText(string binding) => Text(Find(data, binding)) ?? throw new InvalidInvocationException($"Data.{binding} is missing.");

    /// <summary>A metadata value as text (a path token, <c>Id</c>, <c>Uri</c>), or null when absent.</summary>
    public string? MetadataText(string key) => Text(Find(metadata, key));

    /// <summary>A metadata number (<c>DequeueCount</c>), given as a number or as a string.</summary>
    public long? MetadataNumber(string key) =>
        MetadataText(key) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>
    /// The text inside a value: a JSON string is unwrapped as long as its content is itself a JSON string
    /// literal (the host's double encoding); numbers and objects give their JSON text.
    /// </summary>
    internal static string? Text(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                var text = value.GetString()!;
                for (var depth = 0; depth < 4 && text.Length >= 2 && text[0] == '"'; depth++)
                {
                    try { text = JsonSerializer.Deserialize<string>(text) ?? text; }
                    catch (JsonException) { break; }
                }
                return text;
            default:
                return value.GetRawText();
        }
    }

    // Keys are matched case-insensitively: the host serialises with Newtonsoft, and docs and code differ in casing.
    static JsonElement Find(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object) return default;
        foreach (var property in parent.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        return default;
    }

    static JsonElement Property(JsonElement body, string name)
    {
        var value = Find(body, name);
        return value.ValueKind == JsonValueKind.Undefined ? default : value.Clone();
    }
}

/// <summary>The host sent something that is not a valid invocation for this function.</summary>
public sealed class InvalidInvocationException(string message) : Exception(message);
