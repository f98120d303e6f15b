using BasicTrust.Highlights.Time;

namespace BasicTrust.Highlights.Tests.Time;

public class TimeCodeTests
{
    [Theory]
    [InlineData("72.4", 72_400)]
    [InlineData("01:12.4", 72_400)]
    [InlineData("1:12", 72_000)]
    [InlineData("1:02:03.5", 3_723_500)]
    [InlineData("00:00:00.001", 1)]
    [InlineData("90", 90_000)]
    [InlineData(" 5.25 ", 5_250)]
    [InlineData("10.0004", 10_000)]
    public void TryParse_AcceptedForms_GiveWholeMilliseconds(string text, long milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), TimeCode.TryParse(text));

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1:60")]
    [InlineData("1:60:00")]
    [InlineData("1.2.3")]
    [InlineData("abc")]
    [InlineData("1:2:3:4")]
    [InlineData("1e3")]
    public void TryParse_OtherText_IsNotATime(string text) => Assert.Null(TimeCode.TryParse(text));

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(400_000)]
    public void FromSeconds_OutOfRange_IsNull(double seconds) => Assert.Null(TimeCode.FromSeconds(seconds));

    [Fact]
    public void Format_UsesHoursOnlyWhenNeeded()
    {
        Assert.Equal("01:12.400", TimeCode.Format(TimeSpan.FromSeconds(72.4)));
        Assert.Equal("1:02:03.500", TimeCode.Format(TimeSpan.FromSeconds(3723.5)));
        Assert.Equal("72.400", TimeCode.Seconds(TimeSpan.FromSeconds(72.4)));
    }

    [Fact]
    public void Format_ADayOrMore_KeepsCountingHours()
    {
        Assert.Equal("25:00:00.000", TimeCode.Format(TimeSpan.FromHours(25)));
        Assert.Equal("100:00:00.000", TimeCode.Format(TimeCode.FromSeconds(360_000)!.Value));
    }
}
