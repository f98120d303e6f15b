using System.Text.Json;
using System.Text.Json.Nodes;
using BasicTrust.Contracts.Documents;
using BasicTrust.Highlights.Manifest;
using BasicTrust.Highlights.Planning;

namespace BasicTrust.Contracts.Tests;

/// <summary>reel.json says where each emphasis sits, in reel seconds, as other sessions and tools read it.</summary>
public class EmphasisDocumentsTests
{
    [Fact]
    public void ReelEmphasis_IsWrittenInReelSecondsWithItsKindAndKeyMoment()
    {
        var span = new EmphasisSpan("abc-01", "t1", EmphasisKind.Freeze, TimeSpan.FromTicks(12_412_412), TimeSpan.FromTicks(32_432_432), TimeSpan.FromSeconds(80.08));

        var written = JsonSerializer.SerializeToNode(ReelEmphasis.From(span), Json.Options)!.ToJsonString();

        Assert.Equal("""{"clipId":"abc-01","tagId":"t1","kind":"freeze","start":1.241,"end":3.243,"keyMoment":80.08}""", written);
    }

    [Fact]
    public void PlannedTag_CarriesItsEmphasisWithTheDefaultLengthFilledIn()
    {
        var manifest = ManifestReader.Read("""
            { "schema": "basictrust.session/v1", "caseId": "fam-0042", "sessionId": "s1", "method": "basic-trust", "recording": "r.mp4",
              "tags": [ { "start": 10, "end": 20, "label": "benoemen", "emphasis": "slow" }, { "start": 30, "end": 40, "label": "benoemen" } ] }
            """).Manifest!;

        var tags = manifest.Tags.Select(t => JsonSerializer.SerializeToNode(PlannedTag.From(t, "nl"), Json.Options)!).ToList();

        Assert.Equal(("slow", 1.0), ((string?)tags[0]["emphasis"], (double)tags[0]["emphasisSeconds"]!));
        Assert.False(tags[1].AsObject().ContainsKey("emphasis"));
        Assert.False(tags[1].AsObject().ContainsKey("emphasisSeconds"));
    }

    [Fact]
    public void PlanJson_WithoutEmphases_IsReadAsBefore()
    {
        var plan = JsonSerializer.Deserialize<PlanDocument>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "plan.json")), Json.Options)!;

        Assert.Null(plan.Emphases);
        Assert.All(plan.Clips, c => Assert.Null(c.Emphases));
        Assert.DoesNotContain("emphas", JsonSerializer.Serialize(plan, Json.Options), StringComparison.Ordinal);
    }
}
