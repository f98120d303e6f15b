using Azure.Storage.Queues.Models;
using BasicTrust.DevHost.App;
using BasicTrust.DevHost.Rpc;

namespace BasicTrust.DevHost.Triggers.Queue;

/// <summary>
/// The invocation for a queue message, as the Storage extension binds it: the decoded text as the trigger value,
/// and as metadata the message's id, pop receipt, dequeue count and times, plus the top-level properties of a JSON
/// message (so <c>{caseId}</c> works in output names).
/// </summary>
public static class QueueTriggerData
{
    public static InvocationRequest Request(FunctionDefinition function, QueueMessage message, string text)
    {
        var request = Invocations.New(function.Id);
        request.InputData.Add(new ParameterBinding { Name = function.Trigger.Name, Data = TypedDataValues.Text(text) });
        var metadata = request.TriggerMetadata;
        metadata["QueueTrigger"] = TypedDataValues.Text(text);
        metadata["DequeueCount"] = TypedDataValues.Number(message.DequeueCount);
        metadata["Id"] = TypedDataValues.Text(message.MessageId);
        metadata["PopReceipt"] = TypedDataValues.Text(message.PopReceipt);
        if (message.InsertedOn is { } inserted) metadata["InsertionTime"] = TypedDataValues.Date(inserted);
        if (message.ExpiresOn is { } expires) metadata["ExpirationTime"] = TypedDataValues.Date(expires);
        if (message.NextVisibleOn is { } next) metadata["NextVisibleTime"] = TypedDataValues.Date(next);
        JsonProperties.AddTo(metadata, text);
        return request;
    }
}
