using System.Text.Json.Nodes;
using BasicTrust.Highlights.Manifest;

namespace BasicTrust.Highlights.Tests;

/// <summary>Builds manifests for tests: a valid sample, changed one field at a time.</summary>
static class Manifests
{
    public const string Sample = """
        {
          "schema": "basictrust.session/v1",
          "caseId": "fam-0042",
          "sessionId": "2026-11-20-visit-3",
          "method": "basic-trust",
          "recording": "recording.mp4",
          "recordedAt": "2026-11-20T10:15:00+01:00",
          "nextSessionAt": "2026-11-27T10:00:00+01:00",
          "tags": [
            { "id": "t1", "start": "01:12.4", "end": "01:31", "label": "benoemen",
              "valence": "strength", "actor": "parent", "keyMoment": "01:20",
              "note": "Moeder benoemt wat Sam voelt", "caption": "Jij bent boos, hè?" }
          ],
          "reel": { "order": "chronological", "preRoll": 2, "postRoll": 1,
                    "quality": "precise", "resolution": "720p", "maxSeconds": 600 }
        }
        """;

    public static JsonObject Node() => JsonNode.Parse(Sample)!.AsObject();

    public static ManifestReadResult Read(Action<JsonObject> change)
    {
        var node = Node();
        change(node);
        return ManifestReader.Read(node.ToJsonString());
    }

    public static JsonObject Tag(object start, object end, string label = "benoemen", string? id = null, string? valence = null)
    {
        var tag = new JsonObject { ["start"] = JsonValue.Create(start), ["end"] = JsonValue.Create(end), ["label"] = label };
        if (id is not null) tag["id"] = id;
        if (valence is not null) tag["valence"] = valence;
        return tag;
    }

    public static SessionManifest WithTags(params JsonObject[] tags) => WithTags(null, tags);

    public static SessionManifest WithTags(Action<JsonObject>? reel, params JsonObject[] tags)
    {
        var result = Read(n =>
        {
            n["tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray());
            reel?.Invoke(n["reel"]!.AsObject());
        });
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Manifest!;
    }
}
