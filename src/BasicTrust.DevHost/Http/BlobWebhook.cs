using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using BasicTrust.DevHost.Triggers.Blob;

namespace BasicTrust.DevHost.Http;

/// <summary>
/// <c>POST /runtime/webhooks/blobs?functionName=Host.Functions.{name}&amp;code={blobs_extension key}</c>, the endpoint an
/// Event Grid subscription calls for a blob trigger with <c>source: EventGrid</c>, as the Storage extension serves it:
/// a <c>SubscriptionValidation</c> is answered with its code; a <c>Notification</c> (an array of Event Grid events) gives
/// one queued <see cref="BlobTriggerMessage"/> per event and 202 Accepted; anything else 400. The function runs later,
/// from the queue (<see cref="BlobEventQueue"/>), so Event Grid's delivery succeeds whatever the function does.
/// </summary>
public static class BlobWebhook
{
    public const string Path = "/runtime/webhooks/blobs";

    public static async Task HandleAsync(HttpContext context, string key, BlobEventQueue queue, ILogger logger)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method)) { context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed; return; }
        if (!FunctionKeys.Matches(request, key)) { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return; }
        var functionName = request.Query["functionName"].FirstOrDefault();
        if (string.IsNullOrEmpty(functionName)) { await BadRequestAsync(context, "The query parameter functionName is required.").ConfigureAwait(false); return; }

        JsonArray events;
        try
        {
            events = await JsonNode.ParseAsync(request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) switch
            {
                JsonArray array => array,
                JsonObject single => [single.DeepClone()],
                _ => throw new JsonException("not an event or an array of events"),
            };
        }
        catch (JsonException)
        {
            await BadRequestAsync(context, "The body is not an Event Grid event or an array of events.").ConfigureAwait(false);
            return;
        }

        switch (request.Headers["aeg-event-type"].FirstOrDefault())
        {
            case "SubscriptionValidation":
                var code = (string?)events.FirstOrDefault()?["data"]?["validationCode"];
                await context.Response.WriteAsJsonAsync(new { validationResponse = code }, context.RequestAborted).ConfigureAwait(false);
                return;
            case "Notification":
                var messages = new List<BlobTriggerMessage>();
                foreach (var e in events)
                    if (Message(e, functionName) is { } message) messages.Add(message);
                    else { await BadRequestAsync(context, "An event has no data.url, data.eTag or data.blobType.").ConfigureAwait(false); return; }
                foreach (var message in messages) await queue.EnqueueAsync(message, context.RequestAborted).ConfigureAwait(false);
                logger.LogDebug("{Function}: {Count} blob events queued", functionName, messages.Count);
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                return;
            case "Unsubscribe":
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                return;
            default:
                await BadRequestAsync(context, "The aeg-event-type header must be SubscriptionValidation or Notification.").ConfigureAwait(false);
                return;
        }
    }

    /// <summary>The extension's message for one event: the blob from <c>data.url</c>, the ETag quoted, the blob type without "Blob".</summary>
    static BlobTriggerMessage? Message(JsonNode? e, string functionId)
    {
        if (e?["data"] is not JsonObject data || (string?)data["url"] is not { } url || (string?)data["eTag"] is not { } etag
            || (string?)data["blobType"] is not { } blobType || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var blob = new BlobUriBuilder(uri);
        return new BlobTriggerMessage(functionId, blobType, blob.BlobContainerName, blob.BlobName, $"\"{etag}\"");
    }

    static Task BadRequestAsync(HttpContext context, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return context.Response.WriteAsJsonAsync(new { type = "https://tools.ietf.org/html/rfc9110#section-15.5.1", title = "Bad Request", status = 400, detail },
            options: null, contentType: "application/problem+json");
    }
}
