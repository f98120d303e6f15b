namespace BasicTrust.Storage.Queues;

/// <summary>How message text is put on the wire. Azure Functions queue triggers expect Base64 by default.</summary>
public enum QueueMessageEncoding
{
    /// <summary>The text as it is (XML-escaped).</summary>
    None,
    /// <summary>The UTF-8 bytes of the text, base64-encoded.</summary>
    Base64,
}

/// <summary>Options for a queue client.</summary>
public sealed class QueueClientOptions : StorageClientOptions
{
    /// <summary>Message text encoding; it must match what the consumer expects.</summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.None;
}

/// <summary>A received message: delete it with its latest pop receipt once handled.</summary>
public sealed record QueueMessage(string MessageId, string PopReceipt, string MessageText, long DequeueCount,
    DateTimeOffset? InsertedOn, DateTimeOffset? ExpiresOn, DateTimeOffset? NextVisibleOn);

/// <summary>A message seen without taking it.</summary>
public sealed record PeekedMessage(string MessageId, string MessageText, long DequeueCount, DateTimeOffset? InsertedOn, DateTimeOffset? ExpiresOn);

/// <summary>The result of sending a message.</summary>
public sealed record SendReceipt(string MessageId, string PopReceipt, DateTimeOffset? InsertionTime, DateTimeOffset? ExpirationTime, DateTimeOffset? TimeNextVisible);

/// <summary>The result of updating a message: its new pop receipt.</summary>
public sealed record UpdateReceipt(string PopReceipt, DateTimeOffset? NextVisibleOn);

/// <summary>A queue's properties.</summary>
public sealed record QueueProperties(int ApproximateMessagesCount);
