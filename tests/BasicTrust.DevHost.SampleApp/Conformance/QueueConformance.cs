using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace BasicTrust.DevHost.SampleApp.Conformance;

/// <summary>A message with an <c>id</c>, as the worker repository's POCO queue case sends.</summary>
public sealed record Identified(string Id, string? Note = null);

/// <summary>
/// Queue shapes the worker's own end-to-end suite checks against the real host: each trigger answers on a queue of its
/// own, so the conformance tests can see what reached the function.
/// </summary>
public sealed class QueueConformance
{
    [Function("ConfString")]
    [QueueOutput("conf-string-out", Connection = "PipelineStorage")]
    public static string String([QueueTrigger("conf-string", Connection = "PipelineStorage")] string message) => message;

    [Function("ConfPoco")]
    [QueueOutput("conf-poco-out", Connection = "PipelineStorage")]
    public static Identified Poco([QueueTrigger("conf-poco", Connection = "PipelineStorage")] Identified message) => message;

    [Function("ConfArray")]
    [QueueOutput("conf-array-out", Connection = "PipelineStorage")]
    public static string[] Array([QueueTrigger("conf-array", Connection = "PipelineStorage")] string message) => [message + "|1", message + "|2"];

    [Function("ConfList")]
    [QueueOutput("conf-list-out", Connection = "PipelineStorage")]
    public static List<string> List([QueueTrigger("conf-list", Connection = "PipelineStorage")] string message) => [message + "|1", message + "|2"];

    /// <summary>Every binding data entry the worker received, as <c>key=value</c> lines.</summary>
    [Function("ConfBindingData")]
    [QueueOutput("conf-binding-data-out", Connection = "PipelineStorage")]
    public static string BindingData([QueueTrigger("conf-binding-data", Connection = "PipelineStorage")] string message, FunctionContext context) =>
        string.Join("\n", context.BindingContext.BindingData.Select(p => $"{p.Key}={p.Value}"));

    /// <summary>Trigger metadata bound to parameters by name: the message id and dequeue count.</summary>
    [Function("ConfMetadata")]
    [QueueOutput("conf-metadata-out", Connection = "PipelineStorage")]
    public static string Metadata([QueueTrigger("conf-metadata", Connection = "PipelineStorage")] string message, string id, long dequeueCount) =>
        $"{message} {id} {dequeueCount}";

    /// <summary>Binding data in an output's name: <c>{id}</c>, the message's id or the <c>id</c> of its JSON.</summary>
    [Function("ConfIdOutput")]
    [QueueOutput("conf-id-{id}", Connection = "PipelineStorage")]
    public static string IdOutput([QueueTrigger("conf-id", Connection = "PipelineStorage")] string message) => message;

    [Function("ConfQueueMessage")]
    [QueueOutput("conf-queuemessage-out", Connection = "PipelineStorage")]
    public static string QueueMessage([QueueTrigger("conf-queuemessage", Connection = "PipelineStorage")] QueueMessage message) =>
        $"{message.Body} {message.MessageId} {message.DequeueCount}";

    [Function("ConfBinaryData")]
    [QueueOutput("conf-binarydata-out", Connection = "PipelineStorage")]
    public static string BinaryData([QueueTrigger("conf-binarydata", Connection = "PipelineStorage")] BinaryData message) => message.ToString();
}
