using BasicTrust.Highlights.Vocabulary;

namespace BasicTrust.Highlights.Tests.Vocabulary;

public class VocabulariesTests
{
    public static TheoryData<string> Methods => [.. Vocabularies.ByMethod.Keys];

    [Theory]
    [MemberData(nameof(Methods))]
    public void EveryLabel_HasBothNamesADescriptionAndASource(string method)
    {
        foreach (var label in Vocabularies.ByMethod[method].Labels)
        {
            Assert.False(string.IsNullOrWhiteSpace(label.Dutch), label.Code);
            Assert.False(string.IsNullOrWhiteSpace(label.English), label.Code);
            Assert.False(string.IsNullOrWhiteSpace(label.Description), label.Code);
            Assert.False(string.IsNullOrWhiteSpace(label.Source), label.Code);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void ChildLabels_AreAboutTheChild(string method) =>
        Assert.All(Vocabularies.ByMethod[method].Labels.Where(l => l.DefaultValence == Valence.Child), l => Assert.Equal(Actor.Child, l.DefaultActor));

    [Fact]
    public void KindSignaal_IsAChildObservationNotAStrength() =>
        Assert.Equal(Valence.Child, Vocabularies.BasicTrust.Find("kind-signaal")!.DefaultValence);

    [Theory]
    [InlineData("spiegelen")]
    [InlineData("positief-voorzeggen")]
    public void BasicTrust_LabelsOnlyFromSecondaryPages_AreMarkedNotConfirmed(string code) =>
        Assert.False(Vocabularies.BasicTrust.Find(code)!.IsConfirmed);

    [Fact]
    public void MethodNames_AreWrittenAsTheSourcesWriteThem() =>
        Assert.Equal(["Basic Trustmethode", "VIPP-SD", "Kortdurende video-hometraining (K-VHT)"],
            new[] { Vocabularies.BasicTrust, Vocabularies.VippSd, Vocabularies.Vht }.Select(v => v.Name));
}
