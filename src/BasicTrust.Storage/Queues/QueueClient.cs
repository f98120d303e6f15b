using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using BasicTrust.Storage.Pipeline;

namespace BasicTrust.Storage.Queues;

/// <summary>One storage queue: create, send, receive, update, delete, peek, count. Shaped like Azure.Storage.Queues.</summary>
public sealed class QueueClient
{
    readonly StorageContext _context;
    readonly QueueMessageEncoding _encoding;

    /// <summary>From a connection string.</summary>
    public QueueClient(string connectionString, string queueName, QueueClientOptions? options = null)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        options ??= new QueueClientOptions();
        _context = StorageContext.FromConnectionString(parsed, options);
        _encoding = options.MessageEncoding;
        Name = queueName;
        var uri = StorageUri.Append(parsed.QueueEndpoint, queueName);
        Uri = parsed.SharedAccessSignature is { } sas ? new UriBuilder(uri) { Query = sas }.Uri : uri;
    }

    /// <summary>With an Entra ID credential (managed identity in Azure).</summary>
    public QueueClient(Uri queueUri, TokenCredential credential, QueueClientOptions? options = null)
    {
        options ??= new QueueClientOptions();
        _context = StorageContext.ForToken(credential, options);
        _encoding = options.MessageEncoding;
        Uri = queueUri;
        Name = queueUri.AbsolutePath.TrimEnd('/').Split('/')[^1];
    }

    /// <summary>The queue's URI.</summary>
    public Uri Uri { get; }
    /// <summary>The queue's name.</summary>
    public string Name { get; }

    Uri MessagesUri => StorageUri.Append(Uri, "messages");

    /// <summary>Creates the queue; false if it already existed.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Put, Uri);
        // 201 created, 204 already there with the same (empty) metadata.
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status == 201;
    }

    /// <summary>Deletes the queue and its messages; false if there was none.</summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Delete, Uri);
        try
        {
            await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Sends a message (≤ 64 KiB on the wire), hidden for <paramref name="visibilityTimeout"/>, kept for <paramref name="timeToLive"/> (-1 s: forever).</summary>
    public async Task<Response<SendReceipt>> SendMessageAsync(string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        var uri = StorageUri.WithQuery(MessagesUri, ("visibilitytimeout", Seconds(visibilityTimeout)), ("messagettl", Seconds(timeToLive)));
        using var message = _context.CreateMessage(RequestMethod.Post, uri);
        SetMessageBody(message.Request, messageText);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var m = Messages(response).Single();
        return Response.FromValue(new SendReceipt(Text(m, "MessageId"), Text(m, "PopReceipt"), Time(m, "InsertionTime"), Time(m, "ExpirationTime"), Time(m, "TimeNextVisible")), response);
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> (1–32), each hidden for <paramref name="visibilityTimeout"/> (default 30 s).</summary>
    public async Task<Response<QueueMessage[]>> ReceiveMessagesAsync(int? maxMessages = null, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        var uri = StorageUri.WithQuery(MessagesUri, ("numofmessages", maxMessages?.ToString(CultureInfo.InvariantCulture)), ("visibilitytimeout", Seconds(visibilityTimeout)));
        using var message = _context.CreateMessage(RequestMethod.Get, uri);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var messages = Messages(response).Select(m => new QueueMessage(Text(m, "MessageId"), Text(m, "PopReceipt"), Decode(Text(m, "MessageText")),
            long.Parse(Text(m, "DequeueCount"), CultureInfo.InvariantCulture), Time(m, "InsertionTime"), Time(m, "ExpirationTime"), Time(m, "TimeNextVisible"))).ToArray();
        return Response.FromValue(messages, response);
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> visible messages without taking them.</summary>
    public async Task<Response<PeekedMessage[]>> PeekMessagesAsync(int? maxMessages = null, CancellationToken cancellationToken = default)
    {
        var uri = StorageUri.WithQuery(MessagesUri, ("peekonly", "true"), ("numofmessages", maxMessages?.ToString(CultureInfo.InvariantCulture)));
        using var message = _context.CreateMessage(RequestMethod.Get, uri);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var messages = Messages(response).Select(m => new PeekedMessage(Text(m, "MessageId"), Decode(Text(m, "MessageText")),
            long.Parse(Text(m, "DequeueCount"), CultureInfo.InvariantCulture), Time(m, "InsertionTime"), Time(m, "ExpirationTime"))).ToArray();
        return Response.FromValue(messages, response);
    }

    /// <summary>Extends (or shortens) a received message's invisibility, optionally replacing its text; returns the new pop receipt.</summary>
    public async Task<Response<UpdateReceipt>> UpdateMessageAsync(string messageId, string popReceipt, string? messageText, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        var uri = StorageUri.WithQuery(StorageUri.Append(MessagesUri, messageId), ("popreceipt", popReceipt), ("visibilitytimeout", Seconds(visibilityTimeout)));
        using var message = _context.CreateMessage(RequestMethod.Put, uri);
        if (messageText is not null) SetMessageBody(message.Request, messageText);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-popreceipt", out var receipt);
        response.Headers.TryGetValue("x-ms-time-next-visible", out var next);
        return Response.FromValue(new UpdateReceipt(receipt ?? "", ParseTime(next)), response);
    }

    /// <summary>Deletes a handled message with its latest pop receipt.</summary>
    public async Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        var uri = StorageUri.WithQuery(StorageUri.Append(MessagesUri, messageId), ("popreceipt", popReceipt));
        using var message = _context.CreateMessage(RequestMethod.Delete, uri);
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The approximate number of messages.</summary>
    public async Task<Response<QueueProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Get, StorageUri.WithQuery(Uri, ("comp", "metadata")));
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count);
        return Response.FromValue(new QueueProperties(int.Parse(count ?? "0", CultureInfo.InvariantCulture)), response);
    }

    void SetMessageBody(Request request, string text)
    {
        var wire = _encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;
        var xml = new XElement("QueueMessage", new XElement("MessageText", wire));
        request.Headers.SetValue("Content-Type", "application/xml");
        request.Content = RequestContent.Create(BinaryData.FromString("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + xml.ToString(SaveOptions.DisableFormatting)));
    }

    string Decode(string wire) => _encoding == QueueMessageEncoding.Base64 ? Encoding.UTF8.GetString(Convert.FromBase64String(wire)) : wire;

    static IEnumerable<XElement> Messages(Response response) =>
        XDocument.Parse(response.Content.ToString()).Root?.Elements("QueueMessage") ?? [];

    static string Text(XElement message, string name) => message.Element(name)?.Value ?? "";

    static DateTimeOffset? Time(XElement message, string name) => ParseTime(message.Element(name)?.Value);

    static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    static string? Seconds(TimeSpan? span) => span is { } s ? ((long)s.TotalSeconds).ToString(CultureInfo.InvariantCulture) : null;
}
