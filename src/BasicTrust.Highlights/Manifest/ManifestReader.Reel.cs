using System.Text.Json;
using BasicTrust.Highlights.Time;

namespace BasicTrust.Highlights.Manifest;

public static partial class ManifestReader
{
    /// <summary>The manifest's <c>reel</c> section: every setting optional, defaults from <see cref="ReelSettings.Default"/>.</summary>
    sealed partial class Reader
    {
        ReelSettings Reel(JsonElement root)
        {
            var d = ReelSettings.Default;
            if (!root.TryGetProperty("reel", out var reel)) return d;
            if (reel.ValueKind != JsonValueKind.Object)
            {
                Error("reel", "type", "problem.type.reel");
                return d;
            }
            var order = String(reel, "order", "reel.order", required: false) switch
            {
                null => d.Order,
                "chronological" => ReelOrder.Chronological,
                "strengths-first" => ReelOrder.StrengthsFirst,
                "as-listed" => ReelOrder.AsListed,
                var other => Invalid("reel.order", other, ["chronological", "strengths-first", "as-listed"], d.Order),
            };
            var quality = String(reel, "quality", "reel.quality", required: false) switch
            {
                null => d.Quality,
                "precise" => ClipQuality.Precise,
                "draft" => ClipQuality.Draft,
                var other => Invalid("reel.quality", other, ["precise", "draft"], d.Quality),
            };
            int? height = String(reel, "resolution", "reel.resolution", required: false) switch
            {
                null => d.Height,
                ReelSettings.SourceResolution => null,
                "480p" => 480,
                "720p" => 720,
                "1080p" => 1080,
                var other => Invalid("reel.resolution", other, [ReelSettings.SourceResolution, "480p", "720p", "1080p"], d.Height),
            };
            var language = String(reel, "language", "reel.language", required: false) switch
            {
                null => d.Language,
                var known when known is "nl" or "en" => known,
                var other => Invalid("reel.language", other, ["nl", "en"], d.Language),
            };
            return new ReelSettings(order, Seconds(reel, "preRoll", 0, 30) ?? d.PreRoll, Seconds(reel, "postRoll", 0, 30) ?? d.PostRoll,
                quality, height, Seconds(reel, "maxSeconds", 10, 3600) ?? d.MaxDuration, language);
        }

        /// <summary>A setting that is none of <paramref name="allowed"/>: refused, and the default planned with meanwhile.</summary>
        T Invalid<T>(string path, string value, string[] allowed, T fallback)
        {
            Error(path, "one-of", "problem.one-of", ("value", Shorten(value)), ("name", path), ("allowed", string.Join(", ", allowed)));
            return fallback;
        }

        TimeSpan? Seconds(JsonElement reel, string name, int min, int max)
        {
            if (!reel.TryGetProperty(name, out var value)) return null;
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds) || seconds < min || seconds > max)
            {
                Error($"reel.{name}", "range", "problem.range.seconds", ("path", $"reel.{name}"), ("min", min), ("max", max));
                return null;
            }
            return TimeCode.FromSeconds(seconds);
        }
    }
}
