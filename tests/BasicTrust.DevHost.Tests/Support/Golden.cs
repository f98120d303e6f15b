using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BasicTrust.DevHost.Rpc;
using Google.Protobuf;

namespace BasicTrust.DevHost.Tests.Support;

/// <summary>
/// Messages the DevHost sends, rendered as JSON with volatile parts (ids, times, ports, ETags, pop receipts, the app
/// folder) replaced by placeholders, and compared with files under Golden/. UPDATE_GOLDEN=1 rewrites the files.
/// </summary>
static partial class Golden
{
    static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    static readonly string[] VolatileKeys = ["requestId", "invocationId", "traceParent", "PopReceipt", "Id"];

    public static string Render(IMessage message, string appRoot)
    {
        var node = JsonNode.Parse(Formatter.Format(message))!;
        Normalise(node, appRoot);
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(Repository.Root, "tests", "BasicTrust.DevHost.Tests", "Golden", name + ".json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1") File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"No golden file {path}: run with UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    static void Normalise(JsonNode node, string appRoot)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is null) continue;
                    if (VolatileKeys.Contains(key)) obj[key] = Placeholder(key, value);
                    else if (key == "content" && value is JsonValue content)
                        obj[key] = Volatile(Encoding.UTF8.GetString(Convert.FromBase64String(content.GetValue<string>())), appRoot); // ModelBindingData, readable
                    else if (value is JsonValue v && v.TryGetValue<string>(out var text)) obj[key] = Volatile(text, appRoot);
                    else Normalise(value, appRoot);
                }
                break;
            case JsonArray array:
                foreach (var item in array) if (item is not null) Normalise(item, appRoot);
                break;
        }
    }

    // Metadata values are TypedData objects ({"string": "..."}): keep the shape, hide the value.
    static JsonNode Placeholder(string key, JsonNode value) => value is JsonObject typed
        ? new JsonObject(typed.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)$"<{key}>")))
        : JsonValue.Create($"<{key}>");

    static string Volatile(string text, string appRoot)
    {
        text = text.Replace(appRoot.TrimEnd('/'), "<app>", StringComparison.Ordinal);
        text = Port().Replace(text, "$1:<port>");
        text = Time().Replace(text, "<time>");
        text = ETag().Replace(text, "<etag>");
        text = Guid().Replace(text, "<guid>");
        return text;
    }

    [GeneratedRegex(@"(127\.0\.0\.1|localhost):\d+")] private static partial Regex Port();
    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")] private static partial Regex Time();
    [GeneratedRegex(@"0x[0-9A-F]{8,}")] private static partial Regex ETag();
    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")] private static partial Regex Guid();
}
