using BasicTrust.Contracts.Api;
using BasicTrust.Functions.Access;

namespace BasicTrust.Functions.Tests.Access;

public class AccessRulesTests
{
    static Principal With(params string[] roles) => new("a0000000-0000-4000-8000-00000000000a", roles.ToHashSet());

    [Theory]
    // The owner, as a therapist: everything but a purge.
    [InlineData("therapist", CaseRole.Owner, CaseAction.View, Verdict.Allow)]
    [InlineData("therapist", CaseRole.Owner, CaseAction.Upload, Verdict.Allow)]
    [InlineData("therapist", CaseRole.Owner, CaseAction.Share, Verdict.Allow)]
    [InlineData("therapist", CaseRole.Owner, CaseAction.Review, Verdict.Allow)]
    [InlineData("therapist", CaseRole.Owner, CaseAction.Purge, Verdict.Forbid)]
    // An owner whose therapist role was taken away acts on nothing.
    [InlineData("", CaseRole.Owner, CaseAction.View, Verdict.Forbid)]
    [InlineData("reviewer", CaseRole.Owner, CaseAction.Upload, Verdict.Forbid)]
    // A reviewer it is shared with watches and reviews, nothing more.
    [InlineData("reviewer", CaseRole.Reviewer, CaseAction.View, Verdict.Allow)]
    [InlineData("reviewer", CaseRole.Reviewer, CaseAction.Review, Verdict.Allow)]
    [InlineData("reviewer", CaseRole.Reviewer, CaseAction.Upload, Verdict.Forbid)]
    [InlineData("reviewer", CaseRole.Reviewer, CaseAction.Share, Verdict.Forbid)]
    [InlineData("reviewer", CaseRole.Reviewer, CaseAction.Purge, Verdict.Forbid)]
    [InlineData("", CaseRole.Reviewer, CaseAction.View, Verdict.Forbid)]
    // Not shared: the case is not revealed.
    [InlineData("therapist", CaseRole.None, CaseAction.View, Verdict.Hide)]
    [InlineData("reviewer", CaseRole.None, CaseAction.Review, Verdict.Hide)]
    [InlineData("therapist,reviewer", CaseRole.None, CaseAction.Purge, Verdict.Hide)]
    // A privacy officer purges any case, and watches only what is shared with them.
    [InlineData("privacy-officer", CaseRole.None, CaseAction.Purge, Verdict.Allow)]
    [InlineData("privacy-officer", CaseRole.None, CaseAction.View, Verdict.Forbid)]
    [InlineData("privacy-officer", CaseRole.Reviewer, CaseAction.View, Verdict.Allow)]
    [InlineData("privacy-officer", CaseRole.Reviewer, CaseAction.Upload, Verdict.Forbid)]
    [InlineData("therapist,privacy-officer", CaseRole.Owner, CaseAction.Purge, Verdict.Allow)]
    public void Decide_FollowsTheAccessModel(string roles, CaseRole role, CaseAction action, Verdict expected) =>
        Assert.Equal(expected, AccessRules.Decide(With(roles.Split(',', StringSplitOptions.RemoveEmptyEntries)), role, action));

    [Theory]
    [InlineData(CaseRole.Owner, 0, true)]
    [InlineData(CaseRole.Owner, 1, false)]
    [InlineData(CaseRole.Reviewer, 1, true)]
    [InlineData(CaseRole.None, 0, false)]
    public void MayGiveVerdict_TheOwnerOnlyWhileTheCaseHasNoReviewer(CaseRole role, int reviewers, bool may) =>
        Assert.Equal(may, AccessRules.MayGiveVerdict(role, reviewers));
}
