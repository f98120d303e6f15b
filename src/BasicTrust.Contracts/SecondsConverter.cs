using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BasicTrust.Contracts;

/// <summary>
/// Every time in a document or answer is seconds as a number, rounded to milliseconds (<c>12.4</c>), the unit the
/// web app, bt and FFmpeg think in. Documents stored before this converter wrote .NET's <c>"00:00:12.4000000"</c>;
/// those are still read, so an upgrade loses nothing.
/// </summary>
public sealed class SecondsConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => FromSeconds(reader.GetDouble()),
        JsonTokenType.String when TimeSpan.TryParseExact(reader.GetString(), "c", CultureInfo.InvariantCulture, out var old) => old,
        _ => throw new JsonException("A time must be seconds as a number."),
    };

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(Math.Round(value.TotalSeconds, 3));

    static TimeSpan FromSeconds(double seconds) =>
        double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond))
            : throw new JsonException("A time must be a finite number of seconds.");
}
