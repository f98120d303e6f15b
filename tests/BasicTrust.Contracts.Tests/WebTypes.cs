using System.Text;
using System.Text.Json.Nodes;

namespace BasicTrust.Contracts.Tests;

/// <summary>
/// Writes <c>web/js/contracts.js</c>: a JSDoc <c>@typedef</c> per definition of the contracts' schema, which the web
/// app's pages import and <c>tsc --noEmit</c> checks. Written here rather than with json-schema-to-typescript: our
/// schema is flat (named <c>$defs</c> of objects, enums, arrays and references), which these few lines map exactly, the
/// npm package would bring its own formatter and a dozen dependencies into tools/, and this way the check that the
/// checked-in file is current needs no Node.js.
/// </summary>
static class WebTypes
{
    public static string From(JsonObject schema)
    {
        var text = new StringBuilder();
        text.Append("// Generated from web/contracts/schema.json, which the contracts (src/BasicTrust.Contracts) emit; do not edit.\n");
        text.Append("// Regenerate both: BT_WRITE_CONTRACTS=1 dotnet test tests/BasicTrust.Contracts.Tests --filter WebContracts\n");
        text.Append("export {};\n\n");
        // One line per definition, so the file stays short enough to read.
        foreach (var (name, node) in schema["$defs"]!.AsObject())
        {
            var def = node!.AsObject();
            var type = def["properties"] is JsonObject properties ? ObjectOf(properties, def["required"]) : TypeOf(def);
            text.Append($"/** @typedef {{{type}}} {name} */\n");
        }
        return text.ToString();
    }

    /// <summary>An object type: required properties as they are, the others optional.</summary>
    static string ObjectOf(JsonObject properties, JsonNode? required)
    {
        var needed = required?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
        return "{ " + string.Join(", ", properties.Select(p => $"{p.Key}{(needed.Contains(p.Key) ? "" : "?")}: {TypeOf(p.Value)}")) + " }";
    }

    /// <summary>The TypeScript type of a schema; null is left out (an optional property is absent, never null).</summary>
    static string TypeOf(JsonNode? schema)
    {
        if (schema is not JsonObject s || s.Count == 0) return "unknown";
        if (s["$ref"] is { } reference) return ((string)reference!)["#/$defs/".Length..];
        if (s["anyOf"] is JsonArray any) return Union(any.Where(a => (string?)a?["type"] != "null").Select(TypeOf));
        if (s["enum"] is JsonArray values) return Union(values.Where(v => v is not null).Select(v => $"\"{(string)v!}\""));
        var types = s["type"] switch
        {
            JsonArray many => many.Select(t => (string)t!).Where(t => t != "null"),
            { } one => [(string)one!],
            null => [],
        };
        return Union(types.Select(type => type switch
        {
            "string" => "string",
            "number" or "integer" => "number",
            "boolean" => "boolean",
            "array" => $"{Element(TypeOf(s["items"]))}[]",
            "object" => $"Record<string, {(s["additionalProperties"] is JsonObject values ? TypeOf(values) : "unknown")}>",
            _ => "unknown",
        }));
    }

    static string Element(string type) => type.Contains('|') ? $"({type})" : type;

    static string Union(IEnumerable<string> types) => types.Distinct().ToList() is { Count: > 0 } list ? string.Join(" | ", list) : "unknown";
}
