using System.Text.Json;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Manifest;

public static partial class ManifestReader
{
    /// <summary>At most this many people in a case.</summary>
    public const int MaxPeople = 12;

    /// <summary>The case's people (<c>people</c>, optional) and the method's fit for its children.</summary>
    sealed partial class Reader
    {
        IReadOnlyList<Person> People(JsonElement root)
        {
            var result = new List<Person>();
            foreach (var (element, path) in Objects(root, "people", MaxPeople, "problem.type.people", "problem.count.people", "problem.type.person"))
            {
                var id = Id(element, "id", $"{path}.id");
                var role = OneOf(element, "role", $"{path}.role", PersonRoles.All.Select(r => r.Code), PersonRoles.Find);
                var band = element.TryGetProperty("ageBand", out _)
                    ? OneOf(element, "ageBand", $"{path}.ageBand", AgeBands.All.Select(b => b.Code), AgeBands.Find)
                    : null;
                if (band is not null && role is not null && role.Actor != Vocabulary.Actor.Child)
                    Error($"{path}.ageBand", "child-only", "problem.child-only.age-band");
                if (id is not null && (result.Any(p => p.Id == id) || IsActorCode(id)))
                    Error($"{path}.id", "unique", "problem.unique.person", ("id", id));
                else if (id is not null && role is not null) result.Add(new Person(id, role, band) { Path = path });
            }
            return result;
        }

        /// <summary>
        /// Who is visible or audible on the recording (<c>onRecording</c>): ids of the case's people, or
        /// <c>iemand-anders</c> for anyone else. Optional here; the pipeline refuses a manifest without it, since
        /// consent is checked for exactly these people.
        /// </summary>
        IReadOnlyList<string>? OnRecording(JsonElement root)
        {
            if (!root.TryGetProperty("onRecording", out var list)) return null;
            if (list.ValueKind != JsonValueKind.Array)
            {
                Error("onRecording", "type", "problem.type.on-recording");
                return null;
            }
            if (list.GetArrayLength() is 0 or > MaxPeople + 1)
            {
                Error("onRecording", "count", "problem.count.on-recording", ("max", MaxPeople + 1));
                return null;
            }
            var ids = new List<string>();
            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                var path = $"onRecording[{index++}]";
                var id = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
                if (id is null || !Ids.IsValid(id)) Error(path, "id", "problem.id", ("value", Shorten(id ?? element.GetRawText())));
                else if (ids.Contains(id)) Error(path, "unique", "problem.unique.on-recording", ("id", id));
                else ids.Add(id);
            }
            return ids;
        }

        /// <summary>A warning for each child whose age band lies outside the children the method is recognised for.</summary>
        void CheckTargetGroup(MethodVocabulary? vocabulary, IReadOnlyList<Person> people)
        {
            if (vocabulary?.TargetAges is not { } ages) return;
            foreach (var child in people.Where(p => p.AgeBand is { } band && !band.Within(ages)))
                Problems.Add(Validation.Problem.Warning($"{child.Path}.ageBand", "target-group", "problem.target-group",
                    ("method", vocabulary.Name), ("min", ages.Min), ("max", ages.Max), ("band", child.AgeBand!.Code), ("source", ages.Source)));
        }

        /// <summary>
        /// Who a tag's field names: one of the generic <paramref name="codes"/>, or a person of the case by id (then the
        /// person too). Anything else is refused, listing both.
        /// </summary>
        (string? Code, Person? Person) Who(JsonElement parent, string name, string path, string[] codes, IReadOnlyList<Person> people)
        {
            var value = String(parent, name, path, required: false);
            if (value is null || codes.Contains(value)) return (value, null);
            if (people.FirstOrDefault(p => p.Id == value) is { } person) return (value, person);
            Error(path, "one-of", "problem.one-of", ("value", Shorten(value)), ("name", path), ("allowed", string.Join(", ", codes.Concat(people.Select(p => p.Id)))));
            return (null, null);
        }

        /// <summary>The actor a tag's <c>actor</c> means: its person's side, or the generic code's.</summary>
        static Actor? ActorOf(string? code, Person? person) =>
            person is not null ? person.Role.Actor : code is null ? null : System.Enum.Parse<Actor>(code, ignoreCase: true);

        /// <summary>A string that must be one of <paramref name="codes"/>, resolved by <paramref name="find"/>.</summary>
        T? OneOf<T>(JsonElement parent, string name, string path, IEnumerable<string> codes, Func<string, T?> find) where T : class
        {
            var value = String(parent, name, path, required: true);
            if (value is null) return null;
            if (find(value) is { } found) return found;
            Error(path, "one-of", "problem.one-of", ("value", Shorten(value)), ("name", path), ("allowed", string.Join(", ", codes)));
            return null;
        }

        /// <summary>The generic actors a tag may name without people: <c>parent</c>, <c>child</c>, <c>dyad</c>.</summary>
        static bool IsActorCode(string id) => id is "parent" or "child" or "dyad" or "therapist";
    }
}
