using BasicTrust.Cli.Commands;

namespace BasicTrust.Cli.Tests;

public class NextSessionTests
{
    static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Theory]
    [InlineData("2026-11-27 10:00", "2026-11-27T10:00:00+01:00")]   // winter time
    [InlineData("2026-06-05T09:30", "2026-06-05T09:30:00+02:00")]   // summer time
    [InlineData("2026-11-27T10:00:00-05:00", "2026-11-27T10:00:00-05:00")] // an offset given is kept
    public void Parse_ATimeAsTyped_IsThatTimeInTheZone_WithItsOffset(string typed, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), NextSession.Parse(typed, Amsterdam), EqualityComparer<DateTimeOffset>.Create((a, b) => a == b && a.Offset == b.Offset));

    [Theory]
    [InlineData("volgende week")]
    [InlineData("2026-03-29 02:30")] // the clocks skip it in Amsterdam
    public void Parse_NoSuchTime_SaysHowToWriteIt(string typed) =>
        Assert.Contains("+01:00", Assert.Throws<FormatException>(() => NextSession.Parse(typed, Amsterdam)).Message);

    [Fact]
    public void Into_SetsTheFieldAndKeepsTheRest()
    {
        var manifest = NextSession.Into("""{"caseId":"fam-1","nextSessionAt":"2020-01-01T00:00:00Z","tags":[]}""", new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(1)));
        var node = System.Text.Json.Nodes.JsonNode.Parse(manifest)!;
        Assert.Equal(("2026-11-27T10:00:00+01:00", "fam-1"), ((string)node["nextSessionAt"]!, (string)node["caseId"]!));
    }
}
