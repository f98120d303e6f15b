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
                Error("course", "type", "problem.type.course");
                return null;
            }
            var session = Count(course, "session", "course.session");
            var of = Count(course, "of", "course.of");
            if (session is { } s && of is { } o && s > o)
                Error("course.session", "range", "problem.range.course", ("session", s), ("of", o));
            var theme = String(course, "theme", "course.theme", required: false);
            if (theme is not null && method != Vocabularies.VippSd.Method)
                Error("course.theme", "method", "problem.method.theme");
            else if (theme is not null && VisitThemes.VippSd.All(t => t.Code != theme))
                Error("course.theme", "one-of", "problem.one-of.theme", ("theme", Shorten(theme)), ("themes", string.Join(", ", VisitThemes.VippSd.Select(t => t.Code))));
            if (of is { } length && method is not null && VisitThemes.UsualLength(method) is { } usual && (length < usual.Min || length > usual.Max))
                Problems.Add(Validation.Problem.Warning("course.of", "usual-length", usual.Min == usual.Max ? "problem.usual-length" : "problem.usual-length.range",
                    ("method", Vocabularies.ByMethod[method].Name), ("min", usual.Min), ("max", usual.Max), ("length", length)));
            var type = course.TryGetProperty("type", out _)
                ? OneOf(course, "type", "course.type", SessionTypes.All.Select(t => t.Code), SessionTypes.Find)
                : null;
            return session is null || of is null ? null : new Course(session.Value, of.Value, theme, type?.Code);
        }

        int? Count(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var value))
            {
                Error(path, "required", "problem.required", ("path", path));
                return null;
            }
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count is >= 1 and <= 100) return count;
            Error(path, "range", "problem.range.count", ("path", path), ("min", 1), ("max", 100));
            return null;
        }

        IReadOnlyList<Goal> Goals(JsonElement root, MethodVocabulary? vocabulary)
        {
            var result = new List<Goal>();
            foreach (var (goal, path) in Objects(root, "goals", MaxGoals, "problem.type.goals", "problem.count.goals", "problem.type.goal"))
            {
                var id = Id(goal, "id", $"{path}.id");
                var code = MethodGoal(goal, $"{path}.code", vocabulary);
                var text = Text(goal, "text", $"{path}.text", MaxGoalLength) ?? code?.Dutch;
                if (text is null && !goal.TryGetProperty("text", out _) && !goal.TryGetProperty("code", out _))
                    Error($"{path}.text", "required", "problem.required.goal-text", ("path", $"{path}.text"));
                if (id is not null && result.Any(g => g.Id == id)) Error($"{path}.id", "unique", "problem.unique.goal", ("id", id));
                else if (id is not null && text is not null) result.Add(new Goal(id, text, code?.Code));
            }
            return result;
        }

        /// <summary>
        /// The objects of an optional list field (<c>goals</c>, <c>people</c>) with their paths: none, and a problem
        /// under the given keys, when it is no list or longer than <paramref name="max"/>; an element that is no object
        /// is a problem and skipped.
        /// </summary>
        IEnumerable<(JsonElement Element, string Path)> Objects(JsonElement root, string name, int max, string typeKey, string countKey, string elementKey)
        {
            if (!root.TryGetProperty(name, out var list)) yield break;
            if (list.ValueKind != JsonValueKind.Array)
            {
                Error(name, "type", typeKey);
                yield break;
            }
            if (list.GetArrayLength() > max)
            {
                Error(name, "count", countKey, ("count", list.GetArrayLength()), ("max", max));
                yield break;
            }
            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                var path = $"{name}[{index++}]";
                if (element.ValueKind == JsonValueKind.Object) yield return (element, path);
                else Error(path, "type", elementKey);
            }
        }

        /// <summary>A goal's <c>code</c>: one of the method's goals (a method without goals takes none).</summary>
        MethodGoal? MethodGoal(JsonElement goal, string path, MethodVocabulary? vocabulary)
        {
            if (!goal.TryGetProperty("code", out _) || vocabulary is null) return null;
            return OneOf(goal, "code", path, vocabulary.Goals.Select(g => g.Code), vocabulary.Goal);
        }

        bool? Bool(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var value)) return null;
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
            Error(path, "type", "problem.type.boolean", ("path", path));
            return null;
        }
    }
}
