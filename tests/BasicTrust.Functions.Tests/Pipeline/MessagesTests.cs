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

    [Theory]
    [InlineData("""{"caseId":"fam-1","sessionId":"s-1","planId":"0123456789ab"}""", true)]
    [InlineData("""{"Type":"BlobTrigger","ContainerName":"recordings","BlobName":"fam-1/s-1/session.json","ETag":"x"}""", true)]
    [InlineData("""{"containerName":"recordings","blobName":"fam-1/s-1/recording.mp4"}""", true)]
    [InlineData("""{"caseId":"fam-10","sessionId":"s-1"}""", false)]
    [InlineData("""{"ContainerName":"recordings","BlobName":"fam-10/s-1/session.json"}""", false)]
    [InlineData("""{"ContainerName":"clips","BlobName":"fam-1/s-1/x.mp4"}""", false)]
    [InlineData("""{"caseId":"fam-2","CASEID":"fam-1"}""", true)]
    [InlineData("""{"caseId":"fam-2","caseId":"fam-1"}""", true)]
    [InlineData("not json", false)]
    [InlineData("[\"fam-1\"]", false)]
    public void NamesCase_ByCaseIdOrByTheRecordingsPath(string text, bool names) =>
        Assert.Equal(names, PipelineQueues.NamesCase(text, "fam-1"));

    [Theory]
    [InlineData("""{"caseId":"fam-1","sessionId":"s-1","planId":"0123456789ab"}""", true)]
    [InlineData("""{"caseId":"fam-1","sessionId":"s-10","planId":"0123456789ab"}""", false)]
    [InlineData("""{"caseId":"fam-1"}""", false)]
    [InlineData("""{"ContainerName":"recordings","BlobName":"fam-1/s-1/session.json"}""", true)]
    [InlineData("""{"ContainerName":"recordings","BlobName":"fam-1/s-10/session.json"}""", false)]
    public void NamesCase_WithASession_NamesOnlyThatSessionsMessages(string text, bool names) =>
        Assert.Equal(names, PipelineQueues.NamesCase(text, "fam-1", "s-1"));
}
