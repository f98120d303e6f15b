using System.Text.Json;
using Azure.Storage.Queues.Models;
using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Rpc;
using BasicTrust.DevHost.Triggers.Queue;

namespace BasicTrust.DevHost.Tests.Unit;

/// <summary>What a queue message becomes for the worker: its text or a reference, and its binding data.</summary>
public class TriggerValueTests
{
    static FunctionDefinition Function(string trigger, params string[] others) =>
        FunctionDefinition.Create("1", "F", "a.dll", "A.F", [trigger, .. others]);

    const string QueueTrigger = """{"name":"m","type":"queueTrigger","direction":"In","queueName":"q","connection":"S","properties":{}}""";
    const string QueueReference = """{"name":"m","type":"queueTrigger","direction":"In","queueName":"q","connection":"S","properties":{"supportsDeferredBinding":"True"}}""";
    const string BlobReference = """{"name":"b","type":"blobTrigger","direction":"In","path":"c/{name}","connection":"S","properties":{"supportsDeferredBinding":"True"}}""";

    static QueueMessage Message() => QueuesModelFactory.QueueMessage("msg-1", "pop", BinaryData.FromString("ignored"), 2,
        new DateTimeOffset(2026, 1, 1, 0, 10, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 8, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void JsonProperties_OverwriteMetadataOfTheSameNameInAnyCase_UnderItsKey()
    {
        var metadata = QueueTriggerData.Request(Function(QueueTrigger), Message(), """{"id":"mine","dequeueCount":9,"Id":"last","flag":true,"list":[1],"none":null,"sub":{"a":1}}""").TriggerMetadata;

        Assert.Equal("last", metadata["Id"].String);
        Assert.Equal("9", metadata["DequeueCount"].String);
        Assert.Equal("True", metadata["flag"].String);
        Assert.Equal("""{"a":1}""", metadata["sub"].Json);
        Assert.False(metadata.ContainsKey("id") || metadata.ContainsKey("dequeueCount") || metadata.ContainsKey("list") || metadata.ContainsKey("none"));
        Assert.Equal(metadata.Count, metadata.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void JsonProperties_DuplicateNames_LastWins_AndNonJsonIsIgnored()
    {
        Assert.Equal("2", QueueTriggerData.Request(Function(QueueTrigger), Message(), """{"x":1,"x":2}""").TriggerMetadata["x"].String);
        Assert.Equal(7, QueueTriggerData.Request(Function(QueueTrigger), Message(), "{not json").TriggerMetadata.Count);
    }

    [Fact]
    public void QueueMessageOrBinaryDataTrigger_GetsTheMessageAsAReference_WithItsDecodedText()
    {
        var request = QueueTriggerData.Request(Function(QueueReference), Message(), """{"id":"x"}""");

        var reference = request.InputData.Single().Data.ModelBindingData;
        Assert.Equal(("1.0", "AzureStorageQueues", "application/json"), (reference.Version, reference.Source, reference.ContentType));
        var content = JsonDocument.Parse(reference.Content.ToStringUtf8()).RootElement;
        Assert.Equal(("msg-1", "pop", """{"id":"x"}""", 2L), (content.GetProperty("MessageId").GetString(), content.GetProperty("PopReceipt").GetString(),
            content.GetProperty("MessageText").GetString(), content.GetProperty("DequeueCount").GetInt64()));
        // No JSON properties for a reference: the host takes them only from a text value.
        Assert.Equal("msg-1", request.TriggerMetadata["Id"].String);
    }

    [Theory]
    [InlineData("""{"name":"o","type":"queue","direction":"Out","queueName":"out-{name}","connection":"S"}""", false)]
    [InlineData("""{"name":"o","type":"queue","direction":"Out","queueName":"out","connection":"S"}""", true)]
    public void Reference_IsSkipped_WhenTheFirstOtherBindingHasAnExpression(string output, bool reference) =>
        Assert.Equal(reference, Function(BlobReference, output).SendsReference);

    [Fact]
    public void Reference_AsTheHost_OnlyTheFirstOtherBindingCounts() =>
        Assert.True(Function(BlobReference,
            """{"name":"a","type":"queue","direction":"Out","queueName":"plain","connection":"S"}""",
            """{"name":"b","type":"queue","direction":"Out","queueName":"out-{name}","connection":"S"}""").SendsReference);

    [Fact]
    public void Reference_NotWithoutSupportForIt() => Assert.False(Function(QueueTrigger).SendsReference);

    [Theory]
    [InlineData("""{"extensions":{"blobs":{"maxDegreeOfParallelism":3}}}""", 3)]
    [InlineData("""{}""", -1)]
    public void BlobParallelism_FromHostJson_Or8PerProcessor(string hostJson, int expected)
    {
        var folder = Directory.CreateTempSubdirectory("hostjson-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "host.json"), hostJson);
            Assert.Equal(expected > 0 ? expected : 8 * Environment.ProcessorCount, HostSettings.Read(folder.FullName).BlobParallelism);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
