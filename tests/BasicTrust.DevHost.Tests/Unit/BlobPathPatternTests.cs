using BasicTrust.DevHost.Triggers.Blob;

namespace BasicTrust.DevHost.Tests.Unit;

public class BlobPathPatternTests
{
    readonly BlobPathPattern _pattern = BlobPathPattern.Parse("recordings/{caseId}/{sessionId}/session.json");

    [Fact]
    public void Parse_SplitsContainerAndListingPrefix() =>
        Assert.Equal(("recordings", ""), (_pattern.Container, _pattern.Prefix));

    [Fact]
    public void Match_GivesThePathTokens() =>
        Assert.Equal(new Dictionary<string, string> { ["caseId"] = "fam-1", ["sessionId"] = "s-2" }, _pattern.Match("fam-1/s-2/session.json"));

    [Theory]
    [InlineData("fam-1/s-2/recording.mp4")]
    [InlineData("fam-1/session.json")]
    [InlineData("fam-1/s-2/session.json.bak")]
    public void Match_OtherBlobs_DoNotFire(string name) => Assert.Null(_pattern.Match(name));

    [Fact]
    public void Match_TokenSpanningSlashes_IsPassedOnForTheHandlerToRefuse() =>
        Assert.Contains(_pattern.Match("a/b/c/session.json")!.Values, token => token.Contains('/'));
}
