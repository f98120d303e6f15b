using System.Text.Json;
using BasicTrust.Highlights.Time;
using BasicTrust.Highlights.Validation;

namespace BasicTrust.Highlights.Manifest;

public static partial class ManifestReader
{
    /// <summary>A tag's <c>emphasis</c> and <c>emphasisSeconds</c>.</summary>
    sealed partial class Reader
    {
        /// <summary>
        /// The emphasis, its length defaulted. A length outside the kind's range is an error; a length without an emphasis,
        /// or an emphasis on a tag the reel does not show (<paramref name="shown"/> false), is a warning and nothing is emphasised.
        /// </summary>
        Emphasis? TagEmphasis(JsonElement element, string path, bool shown)
        {
            var kind = Enum<EmphasisKind>(element, "emphasis", $"{path}.emphasis", Emphasis.Names);
            var hasSeconds = element.TryGetProperty("emphasisSeconds", out var value) && value.ValueKind != JsonValueKind.Null;
            if (kind is not { } k)
            {
                if (hasSeconds && !element.TryGetProperty("emphasis", out _))
                    Problems.Add(Problem.Warning($"{path}.emphasisSeconds", "needs-emphasis", "problem.emphasis.seconds-alone"));
                return null;
            }
            var (defaultSeconds, min, max) = Emphasis.Seconds(k);
            var seconds = defaultSeconds;
            if (hasSeconds && (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out seconds) || seconds < min || seconds > max))
            {
                Error($"{path}.emphasisSeconds", "range", "problem.range.emphasis-seconds",
                    ("path", $"{path}.emphasisSeconds"), ("emphasis", Emphasis.Names[(int)k]), ("min", min), ("max", max));
                return null;
            }
            if (!shown)
            {
                Problems.Add(Problem.Warning($"{path}.emphasis", "shown", "problem.emphasis.not-shown"));
                return null;
            }
            return new Emphasis(k, TimeCode.FromSeconds(seconds)!.Value);
        }
    }
}
