using System.Text.Json;
using System.Text.Json.Serialization;

namespace BasicTrust.Functions.Pipeline;

/// <summary>The one JSON shape of everything this app writes: camelCase, enums as kebab-case strings, no nulls.</summary>
public static class Json
{
    /// <summary>Serializer options for documents, messages and results.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Strict on what others send: "size": "12" is not a number, and a key given twice is refused.
        NumberHandling = JsonNumberHandling.Strict,
        AllowDuplicateProperties = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        WriteIndented = true,
    };

    /// <summary>An enum value as documents write it (<c>smart-cut</c>).</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>The same on one line (audit log entries).</summary>
    public static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };
}
