using System.Text.Json;
using System.Text.Json.Serialization;

namespace BasicTrust.Contracts;

/// <summary>
/// The one JSON shape of everything the app writes and bt reads: camelCase, enums as kebab-case strings, no nulls,
/// times as seconds (<see cref="SecondsConverter"/>).
/// </summary>
public static class Json
{
    /// <summary>Serializer options for documents, messages, requests and answers.</summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Gives <paramref name="options"/> (web defaults, e.g. ASP.NET Core's for HTTP answers) this shape.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Strict on what others send: "size": "12" is not a number, and a key given twice is refused.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Converters.Add(new SecondsConverter());
        options.WriteIndented = true;
        return options;
    }

    /// <summary>An enum value as documents write it (<c>smart-cut</c>).</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>The same on one line (audit log entries).</summary>
    public static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };
}
