using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using BasicTrust.Functions.Api;
using BasicTrust.Functions.Pipeline;

namespace BasicTrust.Functions.PurgeCase;

/// <summary>
/// <c>DELETE /api/cases/{caseId}</c>: consent withdrawn. Removes every blob of the case from all four containers, the
/// host's trigger receipts naming it, and its messages from the pipeline's queues; writes the purge to the audit log
/// and reports what was removed.
/// </summary>
public sealed class PurgeCaseFunction(PipelineStore store, PipelineQueues queues, AuditLog audit)
{
    [Function("PurgeCase")]
    public async Task<IResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "cases/{caseId}")] HttpRequest request, string caseId)
    {
        var context = request.HttpContext;
        if (ApiResults.IdErrors(("caseId", caseId)) is { Count: > 0 } errors) return ApiResults.BadRequest("An id in the path is not valid.", errors);
        var blobs = 0;
        foreach (var container in new[] { SessionKey.Recordings, SessionKey.Clips, SessionKey.Reels, SessionKey.Pipeline })
        {
            var client = store.Service.GetBlobContainerClient(container);
            var names = new List<string>();
            await foreach (var blob in client.GetBlobsAsync(new GetBlobsOptions { Prefix = caseId + "/" }, context.RequestAborted)) names.Add(blob.Name);
            foreach (var name in names)
                if (await client.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: context.RequestAborted)) blobs++;
        }
        if (blobs == 0) return ApiResults.NotFound($"There is nothing stored for case {caseId}.");
        blobs += await PurgeReceiptsAsync(store, caseId, context.RequestAborted);
        var messages = 0;
        foreach (var name in PipelineQueues.All) messages += await PurgeQueueAsync(queues.Get(name), caseId, context.RequestAborted);
        await audit.WriteAsync(Caller.Of(context), "purge-case", caseId, null, context.RequestAborted);
        return Results.Json(new { caseId, removed = new { blobs, messages } }, Json.Options);
    }

    /// <summary>The Functions host's blob trigger receipts name the case's manifests: they go too.</summary>
    static async Task<int> PurgeReceiptsAsync(PipelineStore store, string caseId, CancellationToken cancellationToken)
    {
        var hosts = store.Service.GetBlobContainerClient("azure-webjobs-hosts");
        if (!(await hosts.ExistsAsync(cancellationToken)).Value) return 0;
        var names = new List<string>();
        await foreach (var blob in hosts.GetBlobsAsync(new GetBlobsOptions { Prefix = "blobreceipts/" }, cancellationToken))
            if (blob.Name.Contains($"/{SessionKey.Recordings}/{caseId}/", StringComparison.Ordinal)) names.Add(blob.Name);
        var removed = 0;
        foreach (var name in names)
            if (await hosts.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken)) removed++;
        return removed;
    }

    /// <summary>Takes every visible message, deletes the case's and lets the others go at once.</summary>
    static async Task<int> PurgeQueueAsync(QueueClient queue, string caseId, CancellationToken cancellationToken)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var (removed, seen) = (0, new HashSet<string>());
        while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30), cancellationToken)).Value is { Length: > 0 } batch)
        {
            foreach (var message in batch)
            {
                if (Belongs(message.MessageText, caseId))
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    removed++;
                }
                else
                {
                    seen.Add(message.MessageId);
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
                }
            }
            if (batch.All(m => seen.Contains(m.MessageId))) break; // only others' messages are left
        }
        return removed;
    }

    static bool Belongs(string text, string caseId)
    {
        try { return JsonDocument.Parse(text).RootElement.TryGetProperty("caseId", out var id) && id.GetString() == caseId; }
        catch (JsonException) { return false; }
    }
}
