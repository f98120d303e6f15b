using BasicTrust.Highlights.Time;

namespace BasicTrust.Highlights.Tests.Time;

public class FrameGridTests
{
    [Fact]
    public void NtscRate_CountsAndTimesFramesWithoutDrift()
    {
        var grid = FrameGrid.Parse("30000/1001");
        Assert.Equal(107892L, grid.Frames(TimeSpan.FromHours(1))); // 3600 · 29.97…
        Assert.Equal(TimeSpan.FromTicks(35_999_964_000), grid.Time(107892)); // 3599.9964 s, to the tick
        Assert.Equal(TimeSpan.FromTicks(10_010_000), grid.Snap(TimeSpan.FromSeconds(1)));
        Assert.Equal("30000/1001", grid.ToString());
    }

    [Theory]
    [InlineData("25", 25.0)]
    [InlineData("24000/1001", 23.976)]
    public void Parse_ReadsFfmpegsRates(string rate, double fps) => Assert.Equal(fps, FrameGrid.Parse(rate).FramesPerSecond, 3);

    [Theory]
    [InlineData("0")]
    [InlineData("25/0")]
    [InlineData("1/2/3")]
    public void Parse_NoRate_Throws(string rate) => Assert.Throws<FormatException>(() => FrameGrid.Parse(rate));

    [Fact]
    public void AtOrAfterAndAtOrBefore_KeepAFrameStartAndOtherwiseRoundInward()
    {
        var grid = FrameGrid.Parse("30000/1001");
        Assert.Equal((grid.Time(1), grid.Time(1)), (grid.AtOrAfter(grid.Time(1)), grid.AtOrBefore(grid.Time(1))));
        Assert.Equal((grid.Time(240), grid.Time(239)), (grid.AtOrAfter(TimeSpan.FromSeconds(8)), grid.AtOrBefore(TimeSpan.FromSeconds(8))));
    }
}
