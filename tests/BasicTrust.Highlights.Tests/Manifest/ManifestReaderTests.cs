using System.Text.Json.Nodes;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Validation;
using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Tests.Manifest;

public class ManifestReaderTests
{
    static Problem SingleError(ManifestReadResult result)
    {
        Assert.False(result.IsValid);
        return Assert.Single(result.Problems, p => p.Severity == Severity.Error);
    }

    [Fact]
    public void Read_IssueSample_GivesTheTagWithItsValues()
    {
        var result = ManifestReader.Read(Manifests.Sample);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var m = result.Manifest!;
        Assert.Equal(("fam-0042", "2026-11-20-visit-3", "basic-trust", "recording.mp4"), (m.CaseId, m.SessionId, m.Method, m.Recording));
        var tag = Assert.Single(m.Tags);
        Assert.Equal(TimeSpan.FromSeconds(72.4), tag.Start);
        Assert.Equal(TimeSpan.FromSeconds(91), tag.End);
        Assert.Equal(TimeSpan.FromSeconds(80), tag.KeyMoment);
        Assert.Equal("Benoemen", tag.Label.Dutch);
        Assert.Equal("Jij bent boos, hè?", tag.Caption);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(1)), m.NextSessionAt);
    }

    [Fact]
    public void Read_MinimalTag_FillsEveryDefault()
    {
        var m = Manifests.WithTags(Manifests.Tag(10, 20, "kind-signaal"));
        var tag = Assert.Single(m.Tags);
        Assert.Equal("t1", tag.Id);
        Assert.Equal(Valence.Child, tag.Valence);
        Assert.Equal(Actor.Child, tag.Actor); // from the vocabulary
        Assert.Equal(TimeSpan.FromSeconds(15), tag.KeyMoment); // the middle
        Assert.Null(tag.Note);
    }

    [Fact]
    public void Read_NoReelSection_UsesDefaultSettings()
    {
        var result = Manifests.Read(n => n.Remove("reel"));
        Assert.Equal(ReelSettings.Default, result.Manifest!.Reel);
    }

    [Fact]
    public void Read_LearningLabel_DefaultsToLearning()
    {
        var m = Manifests.WithTags(Manifests.Tag(10, 20, "verwarringscheppend-gedrag"));
        Assert.Equal(Valence.Learning, m.Tags[0].Valence);
    }

    [Theory]
    [InlineData("basic-trust", "herstel", "herstel-van-contact")]
    [InlineData("basic-trust", "verwarrend-gedrag", "verwarringscheppend-gedrag")]
    [InlineData("vipp-sd", "sensitiviteitsketen", "sensitief-opvoeden")]
    [InlineData("vipp-sd", "spreken-voor-het-kind", "kind-signaal")]
    [InlineData("vht", "initiatief", "initiatief-volgen")]
    public void Read_OldCode_StillPlansWithAWarningNamingTheNewCode(string method, string oldCode, string newCode)
    {
        var result = Manifests.Read(n =>
        {
            n["method"] = method;
            n["tags"] = new JsonArray(Manifests.Tag(10, 20, oldCode));
        });
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(newCode, Assert.Single(result.Manifest!.Tags).Label.Code);
        var warning = Assert.Single(result.Problems);
        Assert.Equal((Severity.Warning, "tags[0].label", "renamed"), (warning.Severity, warning.Path, warning.Rule));
        Assert.Contains($"'{newCode}'", warning.Message);
    }

    [Fact]
    public void Read_ChildValence_IsAccepted()
    {
        var m = Manifests.WithTags(Manifests.Tag(10, 20, "benoemen", valence: "child"));
        Assert.Equal(Valence.Child, m.Tags[0].Valence);
    }

    [Fact]
    public void Read_UnknownFields_AreKeptButNotInterpreted()
    {
        var result = Manifests.Read(n => n["futureField"] = new JsonObject { ["x"] = "$(rm -rf /)" });
        Assert.True(result.IsValid);
        Assert.Equal("{\"x\":\"$(rm -rf /)\"}", result.Manifest!.UnknownFields["futureField"]);
    }

    [Fact]
    public void Read_NotJson_SaysWhere()
    {
        var p = SingleError(ManifestReader.Read("{ \"schema\": "));
        Assert.Equal(("$", "json"), (p.Path, p.Rule));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    public void Read_NotAnObject_IsRefused(string json) => Assert.Equal("type", SingleError(ManifestReader.Read(json)).Rule);

    [Fact]
    public void Read_TooLarge_IsRefusedBeforeParsing() =>
        Assert.Equal("size", SingleError(ManifestReader.Read(new string(' ', ManifestReader.MaxBytes + 1))).Rule);

    [Theory]
    [InlineData("schema", "required")]
    [InlineData("caseId", "required")]
    [InlineData("sessionId", "required")]
    [InlineData("method", "required")]
    [InlineData("recording", "required")]
    [InlineData("tags", "required")]
    public void Read_MissingRequiredField_NamesIt(string field, string rule)
    {
        var p = SingleError(Manifests.Read(n => n.Remove(field)));
        Assert.Equal((field, rule), (p.Path, p.Rule));
    }

    [Theory]
    [InlineData("start")]
    [InlineData("end")]
    [InlineData("label")]
    public void Read_TagWithoutRequiredField_NamesThePath(string field)
    {
        var p = SingleError(Manifests.Read(n => n["tags"]![0]!.AsObject().Remove(field)));
        Assert.Equal(($"tags[0].{field}", "required"), (p.Path, p.Rule));
    }

    [Fact]
    public void Read_OtherSchema_IsRefused() =>
        Assert.Equal("schema", SingleError(Manifests.Read(n => n["schema"] = "basictrust.session/v2")).Rule);

    [Theory]
    [InlineData("Fam-0042")]
    [InlineData("../etc")]
    [InlineData("fam/0042")]
    [InlineData("fam%2F0042")]
    [InlineData("-fam")]
    [InlineData("jansen familie")]
    [InlineData("fam-0042\n")]
    [InlineData("famé")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Read_BadCaseId_IsRefusedWithTheIdRule(string id)
    {
        var p = SingleError(Manifests.Read(n => n["caseId"] = id));
        Assert.Equal(("caseId", "id"), (p.Path, p.Rule));
    }

    [Theory]
    [InlineData("../recording.mp4", "file-name")]
    [InlineData("dir/recording.mp4", "file-name")]
    [InlineData(".hidden.mp4", "file-name")]
    [InlineData("recording.exe", "extension")]
    [InlineData("recording.m3u8", "extension")]
    [InlineData("recording", "extension")]
    public void Read_BadRecordingName_IsRefused(string name, string rule)
    {
        var p = SingleError(Manifests.Read(n => n["recording"] = name));
        Assert.Equal(("recording", rule), (p.Path, p.Rule));
    }

    [Fact]
    public void Read_UnknownMethod_ListsTheKnownOnes()
    {
        var p = SingleError(Manifests.Read(n => n["method"] = "abc"));
        Assert.Contains("basic-trust", p.Message);
    }

    [Fact]
    public void Read_MistypedLabel_SuggestsTheClosest()
    {
        var p = SingleError(Manifests.Read(n => n["tags"]![0]!["label"] = "benomen"));
        Assert.Equal(("tags[0].label", "vocabulary"), (p.Path, p.Rule));
        Assert.Equal("Label 'benomen' is not in the basic-trust vocabulary — did you mean 'benoemen'?", p.Message);
    }

    [Fact]
    public void Read_UnrelatedLabel_ListsTheVocabulary()
    {
        var p = SingleError(Manifests.Read(n => n["tags"]![0]!["label"] = "zzzzzzzz"));
        Assert.Contains("spiegelen", p.Message);
    }

    [Fact]
    public void Read_TagEndingBeforeItStarts_SaysSoPlainly()
    {
        var p = SingleError(Manifests.Read(n => n["tags"]![0]!["end"] = "01:00"));
        Assert.Equal(("tags[0].end", "order"), (p.Path, p.Rule));
        Assert.Contains("ends (01:00.000) before it starts (01:12.400)", p.Message);
    }

    [Fact]
    public void Read_ZeroLengthTag_IsRefused() =>
        Assert.Equal("order", SingleError(Manifests.Read(n => n["tags"]![0]!["end"] = "01:12.4")).Rule);

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData(true)]
    public void Read_NotATime_IsRefused(object value)
    {
        var p = SingleError(Manifests.Read(n => n["tags"]![0]!["start"] = JsonValue.Create(value)));
        Assert.Equal(("tags[0].start", "time"), (p.Path, p.Rule));
    }

    [Fact]
    public void Read_KeyMomentOutsideTag_IsRefused() =>
        Assert.Equal("range", SingleError(Manifests.Read(n => n["tags"]![0]!["keyMoment"] = 200)).Rule);

    [Fact]
    public void Read_LongNoteAndCaption_AreRefusedWithTheirLimits()
    {
        var result = Manifests.Read(n =>
        {
            n["tags"]![0]!["note"] = new string('a', 2001);
            n["tags"]![0]!["caption"] = new string('b', 201);
        });
        Assert.Equal(["tags[0].note", "tags[0].caption"], result.Problems.Select(p => p.Path));
        Assert.All(result.Problems, p => Assert.Equal("length", p.Rule));
    }

    [Fact]
    public void Read_ControlCharactersInCaption_AreRefused() =>
        Assert.Equal("characters", SingleError(Manifests.Read(n => n["tags"]![0]!["caption"] = "a\u0000b")).Rule);

    [Fact]
    public void Read_DuplicateTagIds_AreRefused()
    {
        var p = SingleError(Manifests.Read(n => n["tags"] = new JsonArray(Manifests.Tag(1, 3, id: "a"), Manifests.Tag(5, 7, id: "a"))));
        Assert.Equal(("tags[1].id", "unique"), (p.Path, p.Rule));
    }

    [Fact]
    public void Read_TooManyTags_IsRefused()
    {
        var tags = new JsonArray(Enumerable.Range(0, 201).Select(i => (JsonNode)Manifests.Tag(i * 10, i * 10 + 2)).ToArray());
        Assert.Equal("count", SingleError(Manifests.Read(n => n["tags"] = tags)).Rule);
    }

    [Fact]
    public void Read_NoTags_IsRefused() =>
        Assert.Equal("count", SingleError(Manifests.Read(n => n["tags"] = new JsonArray())).Rule);

    [Theory]
    [InlineData("order", "random", "one-of")]
    [InlineData("quality", "best", "one-of")]
    [InlineData("resolution", "4k", "one-of")]
    [InlineData("preRoll", -1, "range")]
    [InlineData("postRoll", 31, "range")]
    [InlineData("maxSeconds", 5, "range")]
    [InlineData("language", "de", "one-of")]
    public void Read_BadReelSetting_NamesIt(string field, object value, string rule)
    {
        var p = SingleError(Manifests.Read(n => n["reel"]![field] = JsonValue.Create(value)));
        Assert.Equal(($"reel.{field}", rule), (p.Path, p.Rule));
    }

    [Theory]
    [InlineData("source", null)]
    [InlineData("720p", 720)]
    public void Read_Resolution_SourceKeepsTheRecordingsSize(string resolution, int? height)
    {
        var settings = Manifests.Read(n => n["reel"]!["resolution"] = resolution).Manifest!.Reel;
        Assert.Equal((height, resolution), (settings.Height, settings.Resolution));
    }

    [Fact]
    public void Read_NoResolution_KeepsTheRecordingsSize() =>
        Assert.Equal("source", Manifests.Read(n => n["reel"]!.AsObject().Remove("resolution")).Manifest!.Reel.Resolution);

    [Fact]
    public void Read_CustomMethod_RequiresValenceAndWellFormedLabels()
    {
        var result = Manifests.Read(n =>
        {
            n["method"] = "custom";
            n["tags"] = new JsonArray(Manifests.Tag(1, 3, "samen-lachen"), Manifests.Tag(5, 7, "Bad Label", valence: "learning"),
                Manifests.Tag(9, 12, "oogcontact", valence: "learning"));
        });
        Assert.Equal(["tags[0].valence", "tags[1].label"], result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Read_NextSessionBeforeRecording_IsRefused() =>
        Assert.Equal(("nextSessionAt", "order"), Pair(SingleError(Manifests.Read(n => n["nextSessionAt"] = "2026-11-01T10:00:00+01:00"))));

    [Fact]
    public void Read_TimestampWithoutOffset_IsRefused() =>
        Assert.Equal(("recordedAt", "timestamp"), Pair(SingleError(Manifests.Read(n => n["recordedAt"] = "2026-11-20T10:15:00"))));

    [Fact]
    public void Read_ManyProblems_ReportsEveryOneAtOnce()
    {
        var result = Manifests.Read(n =>
        {
            n["caseId"] = "Jansen";
            n["recording"] = "x.txt";
            n["tags"]![0]!["end"] = "00:01";
            n["tags"]![0]!["label"] = "benomen";
            n["reel"]!["order"] = "random";
        });
        Assert.Equal(["caseId", "recording", "tags[0].end", "tags[0].label", "reel.order"], result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Read_ErrorMessages_EchoAtMost40CharactersOfInput()
    {
        var p = SingleError(Manifests.Read(n => n["caseId"] = new string('x', 500)));
        Assert.True(p.Message.Length < 250);
    }

    static (string, string) Pair(Problem p) => (p.Path, p.Rule);
}
