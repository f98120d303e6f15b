using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BasicTrust.Highlights.Time;
using BasicTrust.Highlights.Validation;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Manifest;

/// <summary>
/// Reads a session manifest (JSON) and validates it, returning every problem at once, each naming the
/// JSON path, the rule and a plain sentence. Unknown fields are kept, never interpreted.
/// </summary>
public static partial class ManifestReader
{
    /// <summary>Larger manifests are refused before parsing.</summary>
    public const int MaxBytes = 1024 * 1024;
    /// <summary>At most this many tags.</summary>
    public const int MaxTags = 200;
    /// <summary>At most this many characters in a note.</summary>
    public const int MaxNoteLength = 2000;
    /// <summary>At most this many characters in a caption.</summary>
    public const int MaxCaptionLength = 200;

    static readonly HashSet<string> KnownFields = ["schema", "caseId", "sessionId", "method", "recording", "recordedAt", "nextSessionAt", "course", "people", "onRecording", "goals", "tags", "reel"];
    static readonly HashSet<string> VideoExtensions = ["mp4", "mov", "m4v", "mkv", "webm", "avi"];

    /// <summary>Reads and validates <paramref name="json"/>.</summary>
    public static ManifestReadResult Read(string json)
    {
        if (json.Length > MaxBytes)
            return Failed(Problem.Error("$", "size", "problem.size", ("kilobytes", MaxBytes / 1024)));
        JsonDocument document;
        try
        {
            // A key given twice would silently mean its last value: refused.
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return Failed(Problem.Error("$", "json", "problem.json", ("line", (e.LineNumber ?? 0) + 1), ("position", (e.BytePositionInLine ?? 0) + 1)));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return Failed(Problem.Error("$", "type", "problem.type.manifest"));
            var reader = new Reader();
            var manifest = reader.Manifest(document.RootElement);
            var errors = reader.Problems.Any(p => p.Severity == Severity.Error);
            return new ManifestReadResult(errors ? null : manifest, reader.Problems);
        }
    }

    /// <summary>
    /// Reads and validates <paramref name="json"/> sent for the session <paramref name="caseId"/>/<paramref name="sessionId"/>:
    /// a manifest naming another session is refused (rule <c>matches-path</c>), wherever it arrives (the API, the pipeline).
    /// </summary>
    public static ManifestReadResult Read(string json, string caseId, string sessionId)
    {
        var read = Read(json);
        if (read.Manifest is not { } m || (m.CaseId, m.SessionId) == (caseId, sessionId)) return read;
        var mismatch = Problem.Error(m.CaseId != caseId ? "caseId" : "sessionId", "matches-path", "problem.matches-path",
            ("sent", $"{m.CaseId}/{m.SessionId}"), ("session", $"{caseId}/{sessionId}"));
        return new ManifestReadResult(null, [.. read.Problems, mismatch]);
    }

    static ManifestReadResult Failed(Problem problem) => new(null, [problem]);

    sealed partial class Reader
    {
        public List<Problem> Problems { get; } = [];

        void Error(string path, string rule, string key, params (string Name, object Value)[] args) => Problems.Add(Problem.Error(path, rule, key, args));

        public SessionManifest Manifest(JsonElement root)
        {
            var schema = String(root, "schema", "schema", required: true);
            if (schema is not null && schema != SessionManifest.Schema)
                Error("schema", "schema", "problem.schema", ("schema", Shorten(schema)), ("supported", SessionManifest.Schema));
            var caseId = Id(root, "caseId");
            var sessionId = Id(root, "sessionId");
            var method = String(root, "method", "method", required: true);
            var vocabulary = method is null ? null : Vocabularies.ByMethod.GetValueOrDefault(method);
            if (method is not null && vocabulary is null)
                Error("method", "method", "problem.method", ("method", Shorten(method)), ("methods", string.Join(", ", Vocabularies.ByMethod.Keys)));
            var recording = Recording(root);
            var recordedAt = Timestamp(root, "recordedAt");
            var nextSessionAt = Timestamp(root, "nextSessionAt");
            if (recordedAt is { } r && nextSessionAt is { } n && n <= r)
                Error("nextSessionAt", "order", "problem.order.next-session");
            var course = Course(root, vocabulary?.Method);
            var people = People(root);
            CheckTargetGroup(vocabulary, people);
            var onRecording = OnRecording(root);
            var goals = Goals(root, vocabulary);
            var tags = Tags(root, vocabulary, goals, people);
            var reel = Reel(root);
            var unknown = root.EnumerateObject().Where(p => !KnownFields.Contains(p.Name))
                .ToDictionary(p => p.Name, p => p.Value.GetRawText(), StringComparer.Ordinal);
            return new SessionManifest(caseId ?? "", sessionId ?? "", method ?? "", recording ?? "", recordedAt, nextSessionAt, tags, reel, unknown, course, goals, people) { OnRecording = onRecording };
        }

        string? Id(JsonElement parent, string name, string? path = null)
        {
            path ??= name;
            var value = String(parent, name, path, required: true);
            if (value is not null && !Ids.IsValid(value))
                Error(path, "id", "problem.id", ("value", Shorten(value)));
            return value;
        }

        string? Recording(JsonElement root)
        {
            var value = String(root, "recording", "recording", required: true);
            if (value is null) return null;
            var extension = value.Contains('.') ? value[(value.LastIndexOf('.') + 1)..].ToLowerInvariant() : "";
            if (!FileName().IsMatch(value))
                Error("recording", "file-name", "problem.file-name");
            else if (!VideoExtensions.Contains(extension))
                Error("recording", "extension", "problem.extension", ("extension", Shorten(extension)), ("extensions", string.Join(", ", VideoExtensions)));
            return value;
        }

        IReadOnlyList<Tag> Tags(JsonElement root, MethodVocabulary? vocabulary, IReadOnlyList<Goal> goals, IReadOnlyList<Person> people)
        {
            if (!root.TryGetProperty("tags", out var tags))
            {
                Error("tags", "required", "problem.required.tags");
                return [];
            }
            if (tags.ValueKind != JsonValueKind.Array)
            {
                Error("tags", "type", "problem.type.tags");
                return [];
            }
            var count = tags.GetArrayLength();
            if (count == 0) Error("tags", "count", "problem.count.no-tags");
            if (count > MaxTags)
            {
                Error("tags", "count", "problem.count.tags", ("count", count), ("max", MaxTags));
                return [];
            }
            var result = new List<Tag>();
            var index = 0;
            foreach (var element in tags.EnumerateArray())
            {
                if (Tag(element, index, vocabulary, goals, people) is { } tag) result.Add(tag);
                index++;
            }
            foreach (var duplicate in result.GroupBy(t => t.Id).Where(g => g.Count() > 1))
                Error($"tags[{duplicate.Last().Index}].id", "unique", "problem.unique.tag", ("id", duplicate.Key));
            return result;
        }

        Tag? Tag(JsonElement element, int index, MethodVocabulary? vocabulary, IReadOnlyList<Goal> goals, IReadOnlyList<Person> people)
        {
            var path = $"tags[{index}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(path, "type", "problem.type.tag");
                return null;
            }
            var before = Problems.Count;
            var id = element.TryGetProperty("id", out _) ? Id(element, "id", $"{path}.id") : $"t{index + 1}";
            var start = Time(element, "start", $"{path}.start", required: true);
            var end = Time(element, "end", $"{path}.end", required: true);
            if (start is { } s && end is { } e)
            {
                if (e < s) Error($"{path}.end", "order", "problem.order.end-before-start", ("end", TimeCode.Format(e)), ("start", TimeCode.Format(s)));
                else if (e == s) Error($"{path}.end", "order", "problem.order.no-length");
            }
            var label = Label(element, path, vocabulary);
            var valence = Enum<Valence>(element, "valence", $"{path}.valence", ["strength", "learning", "child"]);
            if (valence is null && vocabulary is { IsCustom: true } && !element.TryGetProperty("valence", out _))
                Error($"{path}.valence", "required", "problem.required.valence");
            var (actor, person) = Who(element, "actor", $"{path}.actor", ["parent", "child", "dyad"], people);
            var keyMoment = Time(element, "keyMoment", $"{path}.keyMoment", required: false);
            if (keyMoment is { } k && start is { } ks && end is { } ke && ke > ks && (k < ks || k > ke))
                Error($"{path}.keyMoment", "range", "problem.range.key-moment", ("key", TimeCode.Format(k)), ("start", TimeCode.Format(ks)), ("end", TimeCode.Format(ke)));
            var note = Text(element, "note", $"{path}.note", MaxNoteLength);
            var caption = Text(element, "caption", $"{path}.caption", MaxCaptionLength);
            var (voiceOf, speaker) = Who(element, "captionVoice", $"{path}.captionVoice", ["therapist", "child"], people);
            CaptionVoice? captionVoice = speaker is not null ? (speaker.Role.Actor == Vocabulary.Actor.Child ? CaptionVoice.Child : CaptionVoice.Parent)
                : voiceOf switch { "child" => CaptionVoice.Child, "therapist" => CaptionVoice.Therapist, _ => null };
            var select = Bool(element, "select", $"{path}.select");
            var concern = Bool(element, "concern", $"{path}.concern");
            var goal = String(element, "goal", $"{path}.goal", required: false);
            if (goal is not null && goals.All(g => g.Id != goal))
                Error($"{path}.goal", "known-goal", goals.Count == 0 ? "problem.known-goal.none" : "problem.known-goal",
                    ("goal", Shorten(goal)), ("goals", string.Join(", ", goals.Select(g => g.Id))));
            var emphasis = TagEmphasis(element, path, shown: select != false && concern != true);
            if (Problems.Skip(before).Any(p => p.Severity == Severity.Error) || start is null || end is null || label is null || id is null)
                return null;
            return new Tag(index, id, start.Value, end.Value, label, valence ?? label.DefaultValence, ActorOf(actor, person) ?? label.DefaultActor,
                keyMoment ?? start.Value + (end.Value - start.Value) / 2, note, caption, select ?? true, concern ?? false, goal, captionVoice ?? CaptionVoice.Therapist,
                emphasis, person?.Id, speaker?.Id);
        }

        Label? Label(JsonElement element, string path, MethodVocabulary? vocabulary)
        {
            var code = String(element, "label", $"{path}.label", required: true);
            if (code is null || vocabulary is null) return null;
            var label = vocabulary.Find(code);
            if (label is not null) return label;
            if (vocabulary.Alias(code) is { } alias)
            {
                Problems.Add(Problem.Warning($"{path}.label", "renamed", "problem.renamed", ("code", code), ("new", alias.NewCode)));
                return vocabulary.Find(alias.NewCode);
            }
            if (vocabulary.IsCustom)
            {
                Error($"{path}.label", "label", "problem.label", ("code", Shorten(code)));
                return null;
            }
            var suggestion = vocabulary.Suggest(code)?.Code;
            Error($"{path}.label", "vocabulary", suggestion is null ? "problem.vocabulary" : "problem.vocabulary.suggestion", ("code", Shorten(code)),
                ("method", vocabulary.Method), ("suggestion", suggestion ?? ""), ("labels", string.Join(", ", vocabulary.Labels.Select(l => l.Code))));
            return null;
        }

        string? String(JsonElement parent, string name, string path, bool required)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required) Error(path, "required", "problem.required", ("path", path));
                return null;
            }
            if (value.ValueKind != JsonValueKind.String)
            {
                Error(path, "type", "problem.type.text", ("path", path));
                return null;
            }
            var text = ValidText(value);
            if (text is null) Error(path, "characters", "problem.characters.unicode", ("path", path));
            return text;
        }

        /// <summary>The string, or null when its escapes spell invalid UTF-16 (a lone surrogate such as \ud800).</summary>
        static string? ValidText(JsonElement value)
        {
            try { return value.GetString(); }
            catch (InvalidOperationException) { return null; }
        }

        string? Text(JsonElement parent, string name, string path, int maxLength)
        {
            // Line breaks as the therapist's system wrote them (CR LF, CR) count as the one line break allowed.
            var text = String(parent, name, path, required: false)?.ReplaceLineEndings("\n");
            if (text is null) return null;
            if (text.Length > maxLength) Error(path, "length", "problem.length", ("path", path), ("length", text.Length), ("max", maxLength));
            // Captions end up in subtitle tracks and chapter files: no control characters but line breaks.
            if (text.Any(c => char.IsControl(c) && c != '\n')) Error(path, "characters", "problem.characters.control", ("path", path));
            return text;
        }

        T? Enum<T>(JsonElement parent, string name, string path, string[] allowed) where T : struct, System.Enum
        {
            var text = String(parent, name, path, required: false);
            if (text is null) return null;
            var position = Array.IndexOf(allowed, text);
            if (position < 0)
            {
                Error(path, "one-of", "problem.one-of", ("value", Shorten(text)), ("name", path), ("allowed", string.Join(", ", allowed)));
                return null;
            }
            return (T)System.Enum.ToObject(typeof(T), position);
        }

        TimeSpan? Time(JsonElement parent, string name, string path, bool required)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required) Error(path, "required", "problem.required", ("path", path));
                return null;
            }
            var time = value.ValueKind switch
            {
                JsonValueKind.Number when value.TryGetDouble(out var seconds) => TimeCode.FromSeconds(seconds),
                JsonValueKind.String when ValidText(value) is { } text => TimeCode.TryParse(text),
                _ => null,
            };
            if (time is null)
                Error(path, "time", "problem.time", ("path", path));
            return time;
        }

        DateTimeOffset? Timestamp(JsonElement root, string name)
        {
            var text = String(root, name, name, required: false);
            if (text is null) return null;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) && HasOffset().IsMatch(text))
                return value;
            Error(name, "timestamp", "problem.timestamp", ("path", name));
            return null;
        }
    }

    /// <summary>Echo at most 40 characters of user input in messages.</summary>
    static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\z")]
    private static partial Regex FileName();

    [GeneratedRegex(@"(Z|[+-][0-9]{2}:?[0-9]{2})\z")]
    private static partial Regex HasOffset();
}
