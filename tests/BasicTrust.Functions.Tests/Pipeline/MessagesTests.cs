using BasicTrust.Contracts.Queues;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.Tests.Pipeline;

public class MessagesTests
{
    [Theory]
    [InlineData("../etc", "s-1", "caseId")]
    [InlineData("fam-1", "a%2Fb", "sessionId")]
    [InlineData("FAM-1", "s-1", "caseId")]
    [InlineData("fam-1", "ses\u00e9", "sessionId")]
    [InlineData("fam-1", "s-1\n", "sessionId")]
    public void Session_BadIds_AreRefusedNamingTheField(string caseId, string sessionId, string field) =>
        Assert.StartsWith(field, Assert.Throws<InvalidMessageException>(() => Messages.Session(caseId, sessionId)).Message);

    [Theory]
    [InlineData("0123456789ab-01", true)]
    [InlineData("0123456789ab-123", true)]
    [InlineData("0123456789ac-01", false)]
    [InlineData("0123456789ab-1", false)]
    [InlineData("0123456789ab-01/../x", false)]
    public void ClipId_MustBelongToThePlan(string clipId, bool valid)
    {
        var check = () => Messages.ClipId(clipId, "0123456789ab");
        if (valid) Assert.Equal(clipId, check()); else Assert.Throws<InvalidMessageException>(check);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[1,2]")]
    public void Read_NotAJob_IsRefused(string text) =>
        Assert.Throws<InvalidMessageException>(() => Messages.Read<ClipJob>(text));
}
