using System.Text.Json;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Manifest;

public static partial class ManifestReader
{
    /// <summary>At most this many treatment goals.</summary>
    public const int MaxGoals = 12;
    /// <summary>At most this many characters in a goal's text.</summary>
    public const int MaxGoalLength = 200;

    /// <summary>The course around the session (<c>course</c>) and the case's treatment goals (<c>goals</c>); both optional.</summary>
    sealed partial class Reader
    {
        Course? Course(JsonElement root, string? method)
        {
            if (!root.TryGetProperty("course", out var course)) return null;
            if (course.ValueKind != JsonValueKind.Object)
            {
                Error("course", "type", "course must be an object with session and of.");
                return null;
            }
            var session = Count(course, "session", "course.session");
            var of = Count(course, "of", "course.of");
            if (session is { } s && of is { } o && s > o)
                Error("course.session", "range", $"course.session ({s}) is after the last session (course.of is {o}).");
            var theme = String(course, "theme", "course.theme", required: false);
            if (theme is not null && method != Vocabularies.VippSd.Method)
                Error("course.theme", "method", "course.theme is the theme of a VIPP-SD visit; other methods have none.");
            else if (theme is not null && VisitThemes.VippSd.All(t => t.Code != theme))
                Error("course.theme", "one-of", $"Theme '{Shorten(theme)}' is unknown; use one of {string.Join(", ", VisitThemes.VippSd.Select(t => t.Code))}.");
            if (of is { } length && method is not null && VisitThemes.UsualLength(method) is { } usual && (length < usual.Min || length > usual.Max))
                Problems.Add(Validation.Problem.Warning("course.of", "usual-length",
                    $"{Vocabularies.ByMethod[method].Name} usually has {(usual.Min == usual.Max ? $"{usual.Min}" : $"{usual.Min} to {usual.Max}")} sessions; this course has {length}."));
            return session is null || of is null ? null : new Course(session.Value, of.Value, theme);
        }

        int? Count(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var value))
            {
                Error(path, "required", $"{path} is required.");
                return null;
            }
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count is >= 1 and <= 100) return count;
            Error(path, "range", $"{path} must be a whole number from 1 to 100.");
            return null;
        }

        IReadOnlyList<Goal> Goals(JsonElement root)
        {
            if (!root.TryGetProperty("goals", out var goals)) return [];
            if (goals.ValueKind != JsonValueKind.Array)
            {
                Error("goals", "type", "goals must be a list of { id, text }.");
                return [];
            }
            if (goals.GetArrayLength() > MaxGoals)
            {
                Error("goals", "count", $"There are {goals.GetArrayLength()} goals; at most {MaxGoals} are allowed.");
                return [];
            }
            var result = new List<Goal>();
            var index = 0;
            foreach (var goal in goals.EnumerateArray())
            {
                var path = $"goals[{index++}]";
                if (goal.ValueKind != JsonValueKind.Object)
                {
                    Error(path, "type", "Each goal must be an object with id and text.");
                    continue;
                }
                var id = Id(goal, "id", $"{path}.id");
                var text = Text(goal, "text", $"{path}.text", MaxGoalLength);
                if (text is null && goal.TryGetProperty("text", out _) is false) Error($"{path}.text", "required", $"{path}.text is required.");
                if (id is not null && result.Any(g => g.Id == id)) Error($"{path}.id", "unique", $"Goal id '{id}' is used more than once.");
                else if (id is not null && text is not null) result.Add(new Goal(id, text));
            }
            return result;
        }

        bool? Bool(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var value)) return null;
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
            Error(path, "type", $"{path} must be true or false.");
            return null;
        }
    }
}
