using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Tests.Unit;

/// <summary>Values in the shapes the real host sends (Newtonsoft JSON for non-strings, PascalCase references).</summary>
public class TypedDataValuesTests
{
    [Fact]
    public void Number_IsJson() => Assert.Equal("3", TypedDataValues.Number(3).Json);

    [Fact]
    public void Date_IsAQuotedIsoStringWithOffset() =>
        Assert.Equal("\"2026-11-30T05:54:43+00:00\"", TypedDataValues.Date(new DateTimeOffset(2026, 11, 30, 5, 54, 43, TimeSpan.Zero)).Json);

    [Fact]
    public void ModelBinding_ContentIsPascalCaseJson()
    {
        var data = TypedDataValues.ModelBinding("AzureStorageBlobs", new { Connection = "C", ContainerName = "r", BlobName = "b" }).ModelBindingData;
        Assert.Equal(("1.0", "AzureStorageBlobs", "application/json"), (data.Version, data.Source, data.ContentType));
        Assert.Equal("""{"Connection":"C","ContainerName":"r","BlobName":"b"}""", data.Content.ToStringUtf8());
    }

    [Fact]
    public void JsonProperties_OfAnObjectMessage_BecomeMetadata()
    {
        var metadata = new Dictionary<string, TypedData>();
        JsonProperties.AddTo(metadata, """{"CaseId":"c1","Index":2,"Fail":true,"Tags":[1],"Range":{"A":1}}""");
        // A boolean as the host's Newtonsoft turns it into a string: True.
        Assert.Equal(("c1", "2", "True"), (metadata["CaseId"].String, metadata["Index"].String, metadata["Fail"].String));
        Assert.Equal("""{"A":1}""", metadata["Range"].Json);
        Assert.False(metadata.ContainsKey("Tags"));
    }

    [Fact]
    public void NewInvocation_AlwaysHasATraceContext() =>
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-00$", Invocations.New("1").TraceContext.TraceParent);
}
