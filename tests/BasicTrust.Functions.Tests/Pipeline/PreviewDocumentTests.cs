using BasicTrust.Contracts.Documents;
using BasicTrust.Media.Previews;

namespace BasicTrust.Functions.Tests.Pipeline;

public class PreviewDocumentTests
{
    static readonly DateTimeOffset Started = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    static readonly PreviewDocument Making = new("visit.mov", "\"0x1\"", PreviewState.Making, PreviewNeed.Transcode, "hevc", Since: Started);

    [Fact]
    public void Making_WithinTheLongestRun_IsStillMaking() =>
        Assert.Equal(PreviewState.Making, Making.AsOf(Started.AddMinutes(59), TimeSpan.FromHours(1)).State);

    [Fact]
    public void Making_LongAfterAnyRunCouldHaveEnded_IsFailedWithAReason()
    {
        var seen = Making.AsOf(Started.AddMinutes(61), TimeSpan.FromHours(1));
        Assert.Equal(PreviewState.Failed, seen.State);
        Assert.Contains("upload the recording again", seen.Reason);
    }

    [Fact]
    public void Ready_StaysReady() =>
        Assert.Equal(PreviewState.Ready, (Making with { State = PreviewState.Ready }).AsOf(Started.AddDays(2), TimeSpan.FromHours(1)).State);
}
