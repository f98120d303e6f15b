using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Protobuf;

namespace BasicTrust.DevHost.Rpc;

/// <summary>
/// Values as the real host puts them in <see cref="TypedData"/> (GrpcMessageConversionExtensions): strings as
/// <c>string</c>, everything else it knows as objects (numbers, dates, dictionaries) as <c>json</c>, serialised the way
/// Newtonsoft does: a count is json <c>1</c>, a date json <c>"2026-11-30T05:54:43+00:00"</c> with its quotes.
/// </summary>
public static class TypedDataValues
{
    // Newtonsoft escapes only what JSON requires.
    static readonly JsonSerializerOptions Newtonsoft = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TypedData Text(string value) => new() { String = value };

    public static TypedData Number(long value) => new() { Json = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>A date as Newtonsoft writes a DateTimeOffset: ISO-8601 with the offset, in quotes.</summary>
    public static TypedData Date(DateTimeOffset value) =>
        new() { Json = "\"" + value.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture) + "\"" };

    /// <summary>Any other object (a URI, a dictionary, a properties record) as JSON.</summary>
    public static TypedData Json<T>(T value) => new() { Json = JsonSerializer.Serialize(value, Newtonsoft) };

    public static TypedData Bytes(ReadOnlySpan<byte> value) => new() { Bytes = ByteString.CopyFrom(value) };

    /// <summary>
    /// A reference the worker turns into an SDK client (<c>ParameterBindingData</c>). The content's property names
    /// are PascalCase on purpose: the worker reads them case-sensitively.
    /// </summary>
    public static TypedData ModelBinding<T>(string source, T content) => new()
    {
        ModelBindingData = new ModelBindingData
        {
            Version = "1.0",
            Source = source,
            ContentType = "application/json",
            Content = ByteString.CopyFrom(JsonSerializer.SerializeToUtf8Bytes(content)),
        },
    };
}
