using BasicTrust.Highlights.Planning;

namespace BasicTrust.Highlights.Tests.Planning;

public class PlanIdsTests
{
    static string Id(string json, string etag = "\"0x1\"") =>
        PlanIds.PlanId(etag, Highlights.Manifest.ManifestReader.Read(json).Manifest!);

    [Fact]
    public void PlanId_SameInput_IsTheSameAndShort()
    {
        Assert.Equal(Id(Manifests.Sample), Id(Manifests.Sample));
        Assert.Matches("^[0-9a-f]{12}$", Id(Manifests.Sample));
    }

    [Fact]
    public void PlanId_IsFixedAcrossMachinesAndVersions() =>
        // Pinned: a change here means every stored plan would be recomputed; bump FormatVersion on purpose.
        Assert.Equal("2b55e3ad8b18", Id(Manifests.Sample)); // FormatVersion 4: clips on whole frames; emphases lengthen chapters and move captions; people

    [Fact]
    public void PlanId_IgnoresFormattingAndEquivalentTimeWriting()
    {
        var reformatted = Manifests.Sample.Replace("\"01:12.4\"", "72.4").Replace("\n", " ");
        Assert.Equal(Id(Manifests.Sample), Id(reformatted));
    }

    [Theory]
    [InlineData("\"01:31\"", "\"01:32\"")]
    [InlineData("Jij bent boos", "Jij bent blij")]
    [InlineData("\"preRoll\": 2", "\"preRoll\": 3")]
    [InlineData("\"720p\"", "\"1080p\"")]
    public void PlanId_ChangesWhenTagsOrSettingsChange(string from, string to) =>
        Assert.NotEqual(Id(Manifests.Sample), Id(Manifests.Sample.Replace(from, to)));

    [Fact]
    public void PlanId_ChangesWithTheRecordingVersion() =>
        Assert.NotEqual(Id(Manifests.Sample, "\"0x1\""), Id(Manifests.Sample, "\"0x2\""));
}
