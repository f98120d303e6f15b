using System.Text.Json;

namespace BasicTrust.Contracts.Tests;

public class SecondsConverterTests
{
    sealed record Timed(TimeSpan At, TimeSpan? Until = null);

    [Fact]
    public void Write_Time_IsSecondsRoundedToMilliseconds()
    {
        var json = JsonSerializer.Serialize(new Timed(TimeSpan.FromTicks(123_456_789), TimeSpan.FromMinutes(1)), Json.Compact);

        Assert.Equal("""{"at":12.346,"until":60}""", json);
    }

    [Theory]
    [InlineData("12.4", 124_000_000L)]
    [InlineData("0", 0L)]
    [InlineData("\"00:00:12.4000000\"", 124_000_000L)]
    [InlineData("\"00:01:02.5000000\"", 625_000_000L)]
    [InlineData("\"00:00:20\"", 200_000_000L)]
    public void Read_SecondsOrTheOldTimeSpanText_GivesTheTime(string value, long ticks)
    {
        var read = JsonSerializer.Deserialize<Timed>($$"""{"at":{{value}}}""", Json.Options)!;

        Assert.Equal(TimeSpan.FromTicks(ticks), read.At);
    }

    [Theory]
    [InlineData("\"twelve\"")]
    [InlineData("\"12.4\"")]
    [InlineData("true")]
    [InlineData("1e300")]
    public void Read_NeitherSecondsNorTimeSpanText_IsRefused(string value) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Timed>($$"""{"at":{{value}}}""", Json.Options));

    [Fact]
    public void Read_NullableTime_TakesNullAndSeconds()
    {
        Assert.Null(JsonSerializer.Deserialize<Timed>("""{"at":1,"until":null}""", Json.Options)!.Until);
        Assert.Equal(TimeSpan.FromSeconds(2.5), JsonSerializer.Deserialize<Timed>("""{"at":1,"until":2.5}""", Json.Options)!.Until);
    }
}
