using System.Text.Json;
using BasicTrust.DevHost.Handler;
using BasicTrust.Functions.Invocation;

namespace BasicTrust.Functions.Tests.Invocation;

/// <summary>The handler reads both the documented payload and what the host's code really sends.</summary>
public class InvocationRequestTests
{
    const string Message = """{"caseId":"fam-1","sessionId":"s-1","planId":"0123456789ab","clipId":"0123456789ab-01"}""";

    [Fact]
    public void Parse_DocStyleQueuePayload_ReadsMessageAndDequeueCount()
    {
        var request = Parse("{\"Data\":{\"job\":" + JsonSerializer.Serialize(Message) + "},\"Metadata\":{\"DequeueCount\":2,\"Id\":\"800ae4b3\"}}");
        Assert.Equal(Message, request.DataText("job"));
        Assert.Equal(2, request.MetadataNumber("DequeueCount"));
        Assert.Equal("800ae4b3", request.MetadataText("Id"));
    }

    [Fact]
    public void Parse_HostRealisticQueuePayload_PeelsTheSecondEncodingAndReadsNumbersAsStrings()
    {
        var body = HostPayload.Invocation("CutClip",
            new() { ["job"] = HostPayload.Text(Message) },
            new() { ["QueueTrigger"] = HostPayload.Text(Message), ["DequeueCount"] = HostPayload.Number(3), ["Id"] = HostPayload.Text("800ae4b3") },
            TimeProvider.System);
        var text = body.ToJsonString();
        Assert.Contains("\"DequeueCount\":\"3\"", text);
        Assert.DoesNotContain("QueueTrigger", text);

        var request = Parse(text);
        Assert.Equal(Message, request.DataText("job"));
        Assert.Equal(3, request.MetadataNumber("DequeueCount"));
        Assert.Equal("800ae4b3", request.MetadataText("Id"));
    }

    [Fact]
    public void Parse_BlobContentThatIsAJsonStringLiteral_IsUnwrappedOnlyAsFarAsTheHostWrappedIt()
    {
        // A manifest whose whole content is a JSON string: the host wraps it once more; the handler must get the file's text back.
        var content = "\"just a string\"";
        var request = Parse(HostPayload.Invocation("PlanSession", new() { ["manifest"] = HostPayload.Text("{\"a\":1}") }, new() { ["caseId"] = HostPayload.Text("fam-1") }, TimeProvider.System).ToJsonString());
        Assert.Equal("{\"a\":1}", request.DataText("manifest"));
        Assert.Equal("fam-1", request.MetadataText("caseId"));
        Assert.Equal("just a string", InvocationRequest.Text(JsonDocument.Parse(JsonSerializer.Serialize(content)).RootElement));
    }

    [Fact]
    public void Parse_KeysInAnotherCase_AreFound()
    {
        var request = Parse("""{"data":{"Job":"x"},"metadata":{"dequeuecount":"1"}}""");
        Assert.Equal("x", request.DataText("job"));
        Assert.Equal(1, request.MetadataNumber("DequeueCount"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    public void Parse_NotAnObject_IsRefused(string body) =>
        Assert.Throws<InvalidInvocationException>(() => InvocationRequest.Parse(JsonDocument.Parse(body).RootElement));

    [Fact]
    public void DataText_MissingBinding_NamesIt() =>
        Assert.Contains("Data.job", Assert.Throws<InvalidInvocationException>(() => Parse("""{"Data":{},"Metadata":{}}""").DataText("job")).Message);

    static InvocationRequest Parse(string json) => InvocationRequest.Parse(JsonDocument.Parse(json).RootElement);
}
