using Azure.Storage.Queues.Models;
using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Triggers.Queue;

/// <summary>
/// The invocation for a queue message, as the Storage extension binds it. The trigger value is the decoded text, or,
/// when the function takes a reference (QueueMessage, BinaryData; see <see cref="FunctionDefinition.SendsReference"/>),
/// the SDK's <see cref="QueueMessage"/> as JSON (<c>ModelBindingData</c> from <c>AzureStorageQueues</c>), what the
/// worker's queue converters read. Metadata: the message's id, pop receipt, dequeue count and times, and for a text
/// value the top-level properties of a JSON message (<see cref="JsonProperties"/>: <c>{caseId}</c> in output names).
/// </summary>
public static class QueueTriggerData
{
    public const string Source = "AzureStorageQueues";

    public static InvocationRequest Request(FunctionDefinition function, QueueMessage message, string text)
    {
        var request = Invocations.New(function.Id);
        var value = function.SendsReference ? Reference(message, text) : TypedDataValues.Text(text);
        request.InputData.Add(new ParameterBinding { Name = function.Trigger.Name, Data = value });
        var metadata = request.TriggerMetadata;
        metadata["QueueTrigger"] = TypedDataValues.Text(text);
        metadata["DequeueCount"] = TypedDataValues.Number(message.DequeueCount);
        metadata["Id"] = TypedDataValues.Text(message.MessageId);
        metadata["PopReceipt"] = TypedDataValues.Text(message.PopReceipt);
        if (message.InsertedOn is { } inserted) metadata["InsertionTime"] = TypedDataValues.Date(inserted);
        if (message.ExpiresOn is { } expires) metadata["ExpirationTime"] = TypedDataValues.Date(expires);
        if (message.NextVisibleOn is { } next) metadata["NextVisibleTime"] = TypedDataValues.Date(next);
        if (value.DataCase == TypedData.DataOneofCase.String) JsonProperties.AddTo(metadata, text);
        return request;
    }

    /// <summary>The message with its decoded text, serialised as the extension does (<c>new BinaryData(message)</c>).</summary>
    static TypedData Reference(QueueMessage message, string text)
    {
        var decoded = QueuesModelFactory.QueueMessage(message.MessageId, message.PopReceipt, BinaryData.FromString(text),
            message.DequeueCount, message.NextVisibleOn, message.InsertedOn, message.ExpiresOn);
        return TypedDataValues.ModelBinding(Source, decoded);
    }
}
