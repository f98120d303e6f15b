using BasicTrust.Contracts.Documents;
using BasicTrust.Contracts.Queues;
using BasicTrust.Functions.Access;
using BasicTrust.Functions.Notifications;

namespace BasicTrust.Functions.Tests.Notifications;

public class MailRecipientsTests
{
    const string Owner = "a0000000-0000-4000-8000-00000000000a", Supervisor = "c0000000-0000-4000-8000-00000000000c", Second = "d0000000-0000-4000-8000-00000000000d";

    static CaseRecord Case(params string[] reviewers) => new("fam-1", Owner, reviewers, DateTimeOffset.UnixEpoch, null);

    [Fact]
    public void ReelReady_TellsEachReviewerItWaits_AndTheOwnerItIsReady() =>
        Assert.Equal([(Supervisor, MailKind.ReelWaiting), (Second, MailKind.ReelWaiting), (Owner, MailKind.ReelReady)], MailRecipients.ReelReady(Case(Supervisor, Second, Supervisor)));

    [Fact]
    public void ReelReady_WithoutReviewers_TellsOnlyTheOwner() =>
        Assert.Equal([(Owner, MailKind.ReelReady)], MailRecipients.ReelReady(Case()));

    [Fact]
    public void Verdict_SendBack_TellsTheOwner() =>
        Assert.Equal([(Owner, MailKind.SentBack)], MailRecipients.Verdict(Case(Supervisor), ReviewDecision.SendBack, Supervisor));

    [Fact]
    public void Verdict_Approve_TellsTheOwner() =>
        Assert.Equal([(Owner, MailKind.Approved)], MailRecipients.Verdict(Case(Supervisor), ReviewDecision.Approve, Supervisor));

    [Fact]
    public void Verdict_ByTheOwnerThemselves_TellsNobody() =>
        Assert.Empty(MailRecipients.Verdict(Case(), ReviewDecision.Approve, Owner));
}
