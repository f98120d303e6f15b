using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace BasicTrust.Contracts;

/// <summary>
/// The contracts as one JSON Schema (2020-12): a <c>$defs</c> entry per record and enum under
/// <c>BasicTrust.Contracts</c> and per shape of Highlights and Media they hold, each referenced by name. The web app's
/// types are generated from it (<c>web/contracts/schema.json</c>, <c>web/js/contracts.js</c>).
/// </summary>
public static class ContractSchema
{
    /// <summary>
    /// <see cref="Json.Options"/>, and nullable annotations respected so the schema says which properties may be
    /// absent: a null is never written (<c>WhenWritingNull</c>), so "nullable" means "optional".
    /// </summary>
    static readonly JsonSerializerOptions Options = new(Json.Options) { RespectNullableAnnotations = true, TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    /// <summary>Every record and enum of the contracts, in name order.</summary>
    public static IReadOnlyList<Type> Types { get; } = [.. typeof(Json).Assembly.GetExportedTypes()
        .Where(t => t.Namespace?.StartsWith("BasicTrust.Contracts.", StringComparison.Ordinal) == true || t == typeof(FieldProblem))
        .Where(t => t.IsEnum || t.GetMethod("<Clone>$") is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>The schema, as checked in at <c>web/contracts/schema.json</c>.</summary>
    public static JsonObject Export()
    {
        var defs = new SortedDictionary<string, (Type Type, JsonNode Schema)>(StringComparer.Ordinal);
        var exporter = new JsonSchemaExporterOptions { TransformSchemaNode = (context, node) => Named(context.TypeInfo.Type, node, defs) };
        foreach (var type in Types) Options.GetJsonSchemaAsNode(type, exporter);
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "BasicTrust contracts: HTTP requests and answers, queue messages, stored documents",
            ["$defs"] = new JsonObject(defs.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value.Schema))),
        };
        return schema;
    }

    /// <summary>A node of one of our shapes becomes a reference to its definition (kept the first time it is met).</summary>
    static JsonNode Named(Type type, JsonNode node, SortedDictionary<string, (Type Type, JsonNode Schema)> defs)
    {
        var actual = Nullable.GetUnderlyingType(type) ?? type;
        // SecondsConverter: seconds as a number (a converter of our own has no schema of its own).
        if (actual == typeof(TimeSpan)) return Type("number", nullable: actual != type);
        if (!IsOurs(actual) || node is not JsonObject) return node;
        var nullable = actual != type || node["type"] is JsonArray types && types.Any(t => (string?)t == "null")
            || node["enum"] is JsonArray values && values.Any(v => v is null);
        var name = actual.Name;
        if (!defs.TryGetValue(name, out var seen)) defs[name] = (actual, Definition(node));
        else if (seen.Type != actual) throw new InvalidOperationException($"Two contract shapes are named {name}: {seen.Type} and {actual}.");
        JsonNode reference = new JsonObject { ["$ref"] = $"#/$defs/{name}" };
        return nullable ? new JsonObject { ["anyOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) } : reference;

        JsonNode Definition(JsonNode found)
        {
            var def = found.DeepClone().AsObject();
            if (def["type"] is JsonArray t) def["type"] = (string?)t.First(v => (string?)v != "null");
            if (def["enum"] is JsonArray e) def["enum"] = new JsonArray([.. e.Where(v => v is not null).Select(v => v!.DeepClone())]);
            if (def["properties"] is JsonObject properties)
                def["required"] = new JsonArray([.. properties.Where(p => !Optional(p.Value)).Select(p => (JsonNode)JsonValue.Create(p.Key))]);
            return def;
        }
    }

    static bool IsOurs(Type type) =>
        type.Namespace?.StartsWith("BasicTrust.", StringComparison.Ordinal) == true && (type.IsEnum || type.IsClass) && !type.IsGenericType;

    static JsonNode Type(string name, bool nullable) => new JsonObject { ["type"] = nullable ? new JsonArray(name, "null") : name };

    /// <summary>A property that may be null, so is left out when it is (nulls are never written).</summary>
    static bool Optional(JsonNode? schema) =>
        schema?["type"] is JsonArray types && types.Any(t => (string?)t == "null")
        || schema?["anyOf"] is JsonArray any && any.Any(a => (string?)a?["type"] == "null")
        || schema?["enum"] is JsonArray values && values.Any(v => v is null)
        || schema is JsonObject { Count: 0 } || schema is null;
}
