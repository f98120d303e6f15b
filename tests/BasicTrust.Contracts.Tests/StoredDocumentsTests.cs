using System.Text.Json;
using System.Text.Json.Nodes;
using BasicTrust.Contracts.Documents;

namespace BasicTrust.Contracts.Tests;

/// <summary>Documents stored before times became seconds (Fixtures/) are read, and written again in seconds.</summary>
public class StoredDocumentsTests
{
    static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Fact]
    public void PlanJson_InTheOldShape_IsReadWithItsTimes()
    {
        var plan = JsonSerializer.Deserialize<PlanDocument>(Fixture("plan.json"), Json.Options)!;

        var first = plan.Clips[0];
        Assert.Equal((10.4, 32.0, 20.0), (first.In.TotalSeconds, first.Out.TotalSeconds, first.StillAt.TotalSeconds));
        Assert.Equal((12.4, 31.0, 20.0), (first.Tags[0].Start.TotalSeconds, first.Tags[0].End.TotalSeconds, first.Tags[0].KeyMoment.TotalSeconds));
        Assert.Equal(182.5, plan.Media.Duration.TotalSeconds);
        Assert.Equal(plan.Clips.Sum(c => (c.Out - c.In).TotalSeconds), plan.Duration.TotalSeconds, 3);
    }

    [Fact]
    public void PlanJson_WrittenAgain_HasEveryTimeAsSeconds()
    {
        var plan = JsonSerializer.Deserialize<PlanDocument>(Fixture("plan.json"), Json.Options)!;

        var written = JsonNode.Parse(JsonSerializer.Serialize(plan, Json.Options))!;

        var clip = written["clips"]![0]!;
        Assert.Equal((10.4, 32.0, 20.0), ((double)clip["in"]!, (double)clip["out"]!, (double)clip["stillAt"]!));
        Assert.Equal(12.4, (double)clip["tags"]![0]!["start"]!);
        Assert.Equal(182.5, (double)written["media"]!["duration"]!);
        Assert.DoesNotContain("\"00:", written.ToJsonString());
        var again = JsonSerializer.Deserialize<PlanDocument>(written.ToJsonString(), Json.Options)!;
        Assert.Equal(written.ToJsonString(), JsonSerializer.SerializeToNode(again, Json.Options)!.ToJsonString());
    }

    [Fact]
    public void ClipJson_InTheOldShape_IsReadWithItsTagTimes()
    {
        var clip = JsonSerializer.Deserialize<ClipDocument>(Fixture("clip.json"), Json.Options)!;

        Assert.Equal((12.4, 31.0, 20.0), (clip.Tags[0].Start.TotalSeconds, clip.Tags[0].End.TotalSeconds, clip.Tags[0].KeyMoment.TotalSeconds));
        Assert.Equal((10.4, 10.44), (clip.Timing.RequestedIn, clip.Timing.ActualIn));
    }

    [Fact]
    public void ReelJson_InTheOldShape_IsReadAndItsTagsWrittenInSeconds()
    {
        var reel = JsonSerializer.Deserialize<ReelDocument>(Fixture("reel.json"), Json.Options)!;

        var tag = JsonNode.Parse(JsonSerializer.Serialize(reel, Json.Options))!["clips"]![0]!["tags"]![0]!;
        Assert.Equal((12.4, 31.0, 20.0), ((double)tag["start"]!, (double)tag["end"]!, (double)tag["keyMoment"]!));
        Assert.Equal(("fam-0042", "smart-cut"), (reel.CaseId, Json.Name(reel.Clips[0].Cut)));
    }
}
