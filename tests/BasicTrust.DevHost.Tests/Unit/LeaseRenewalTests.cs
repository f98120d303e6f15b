using BasicTrust.DevHost.Triggers;

namespace BasicTrust.DevHost.Tests.Unit;

public class LeaseRenewalTests
{
    static readonly DateTimeOffset Renewed = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);

    [Fact]
    public void Options_NeverRetryLongerThanALease()
    {
        var retry = LeaseRenewal.Options().Retry;
        Assert.True(retry.MaxRetries <= 1);
        Assert.True((retry.MaxRetries + 1) * retry.NetworkTimeout + retry.MaxDelay < Lease);
    }

    [Fact]
    public void Budget_IsWhatIsLeftOfTheLease_LessAMargin() =>
        Assert.Equal(TimeSpan.FromSeconds(4), LeaseRenewal.Budget(Renewed, Lease, Renewed.AddSeconds(10)));

    [Fact]
    public void Budget_NoRenewalWithinTheLease_IsZero() =>
        Assert.Equal(TimeSpan.Zero, LeaseRenewal.Budget(Renewed, Lease, Renewed.AddSeconds(14.5)));
}
